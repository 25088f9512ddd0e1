// The new password typed on a reset link's page, as a Valibot schema with its GOV.UK messages: it
// must not be guessable from the account's own address.
import * as v from 'valibot';
import { checkForm, problemAcrossFields } from '../form-schema.ts';
import { passwordProblem } from './password.ts';

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
