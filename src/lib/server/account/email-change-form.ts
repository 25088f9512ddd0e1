// The account page's change-email form, as a Valibot schema with its GOV.UK messages: a new
// address in the right form that is not the one the account already has, and the password.
import * as v from 'valibot';
import { emailAddress } from '../auth/account-form.ts';
import { checkForm } from '../form-schema.ts';

const emailChange = (currentEmail: string) =>
	v.object({
		newEmail: v.pipe(
			emailAddress('Enter your new email address'),
			v.check((email) => email !== currentEmail, 'That is already your email address')
		),
		emailPassword: v.pipe(v.string(), v.nonEmpty('Enter your password'))
	});

/** The new address (as stored) and the password typed, or a message for each field to fix. */
export const checkEmailChange = (
	currentEmail: string,
	input: { newEmail: string; emailPassword: string }
) => checkForm(emailChange(currentEmail), input);
