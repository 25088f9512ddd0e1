// The fields of the forms that sign in and make an account (sign-up, and the first admin at
// /setup), as Valibot schemas with their GOV.UK messages. A new password is checked against the
// person's own name and address, so it is a rule across the form's fields.
import * as v from 'valibot';
import { checkForm, problemAcrossFields, requiredText } from '../form-schema.ts';
import { passwordProblem } from './password.ts';

const EMAIL_PATTERN = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]{2,}$/;

/** An email address as it is stored: trimmed and in lower case; `blank` is said when left blank. */
export const emailAddress = (blank: string) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.toLowerCase(),
		v.nonEmpty(blank),
		v.check(
			(email) => email.length <= 254 && EMAIL_PATTERN.test(email),
			'Enter an email address in the correct format, like name@example.com'
		)
	);

export const EMAIL = emailAddress('Enter your email address');

export const NAME = requiredText(
	'Enter your full name',
	100,
	'Full name must be 100 characters or fewer',
	{ trim: true }
);

/** The first message for a value one field schema refuses, or null. */
export function fieldProblem(schema: v.GenericSchema<string>, value: string) {
	const checked = v.safeParse(schema, value);
	return checked.success ? null : checked.issues[0].message;
}

type NewAccount = { name: string; email: string; password: string };
const hardToGuess = <Fields extends NewAccount>() =>
	problemAcrossFields<Fields>(['password'], (f) => passwordProblem(f.password, [f.name, f.email]));

const NEW_ACCOUNT = v.pipe(
	v.object({ name: NAME, email: EMAIL, password: v.string() }),
	hardToGuess()
);

/** A sign-up's name, address and password, tidied, or a message for each field to fix. */
export const checkNewAccount = (input: NewAccount) => checkForm(NEW_ACCOUNT, input);

const FIRST_ADMIN = v.pipe(
	v.object({
		code: v.pipe(v.string(), v.nonEmpty('Enter the setup code the start command printed')),
		name: NAME,
		email: EMAIL,
		password: v.string()
	}),
	hardToGuess()
);

/** The first admin's setup code, name, address and password, or a message for each to fix. */
export const checkFirstAdmin = (input: NewAccount & { code: string }) =>
	checkForm(FIRST_ADMIN, input);

const SIGN_IN = v.object({
	email: v.pipe(v.string(), v.nonEmpty('Enter your email address')),
	password: v.pipe(v.string(), v.nonEmpty('Enter your password'))
});

/** Both fields of the sign-in form are needed before the password is tried. */
export const checkSignInForm = (input: { email: string; password: string }) =>
	checkForm(SIGN_IN, input);
