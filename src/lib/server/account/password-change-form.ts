// The account page's change-password form, as Valibot schemas with their GOV.UK messages. It is
// checked in two steps around the current password's check against the account: both fields
// must be typed before that check is tried, and the new password's own rules come after it, so
// a wrong current password is always what the member hears about first.
import * as v from 'valibot';
import type { User } from '../db/schema/index.ts';
import { passwordProblem } from '../auth/password.ts';
import { checkForm, problemAcrossFields } from '../form-schema.ts';

export type PasswordChangeForm = { currentPassword: string; newPassword: string };

const BOTH_TYPED = v.object({
	currentPassword: v.pipe(v.string(), v.nonEmpty('Enter your current password')),
	newPassword: v.pipe(v.string(), v.nonEmpty('Enter a new password'))
});

/** Both passwords are typed, or a message for each one left blank. */
export const checkPasswordsTyped = (input: PasswordChangeForm) => checkForm(BOTH_TYPED, input);

/** The new password differs from the current one and is hard to guess from the member's name. */
const newPasswordFor = (user: Pick<User, 'name' | 'email'>) =>
	v.pipe(
		v.object({ currentPassword: v.string(), newPassword: v.string() }),
		problemAcrossFields<PasswordChangeForm>(['newPassword'], (f) =>
			f.newPassword === f.currentPassword
				? 'Choose a new password that is different from your current one'
				: passwordProblem(f.newPassword, [user.name, user.email, ...user.name.split(/\s+/)])
		)
	);

/** Once the current password is proved: the new one will do, or a message saying why not. */
export const checkNewPassword = (user: Pick<User, 'name' | 'email'>, input: PasswordChangeForm) =>
	checkForm(newPasswordFor(user), input);
