// The two forms of a forgotten password, as Valibot schemas with their GOV.UK messages: asking
// for a link (an email address), and choosing the new password, which must not be guessable from
// the account's own address.
import * as v from 'valibot';
import { checkForm, problemAcrossFields } from '../form-schema.ts';
import { EMAIL } from './account-form.ts';
import { passwordProblem } from './password.ts';

const RESET_REQUEST = v.object({ email: EMAIL });

/** The address a reset link is asked for, as stored, or a message to fix it. */
export const checkResetRequest = (input: { email: string }) => checkForm(RESET_REQUEST, input);

const newPassword = (email: string) =>
	v.pipe(
		v.object({ password: v.string() }),
		problemAcrossFields<{ password: string }>(['password'], (f) =>
			passwordProblem(f.password, [email])
		)
	);

/** The new password typed on a reset link's page, checked against the account's address. */
export const checkResetPassword = (email: string, input: { password: string }) =>
	checkForm(newPassword(email), input);
