// Deleting an account only with the password typed again: a session left open on a shared
// computer, or a stolen cookie, is not enough to erase someone's account. Staff accounts
// cannot be deleted by their owner at all (an admin removes the roles first), so no
// two-factor code is asked here.
import * as v from 'valibot';
import type { User } from '../db/schema/index.ts';
import { checkForm } from '../form-schema.ts';
import { deleteAccount } from './delete-account.ts';
import { confirmCurrentPassword } from './password-confirmation.ts';

export type ConfirmedDeletion =
	| { ok: true }
	| { ok: false; status: 400 | 409 | 429; errors: { password?: string }; blocked?: string };

const PASSWORD_TYPED = v.object({
	password: v.pipe(v.string(), v.nonEmpty('Enter your password'))
});

/** The password is typed, or the message asking for it. */
export const checkPasswordTyped = (input: { password: string }) => checkForm(PASSWORD_TYPED, input);

export async function deleteAccountWithPassword(
	user: Pick<User, 'id' | 'passwordHash'>,
	password: string,
	now = new Date()
): Promise<ConfirmedDeletion> {
	const typed = checkPasswordTyped({ password });
	if (!typed.ok) return { ok: false, status: 400, errors: typed.errors };
	const confirmed = await confirmCurrentPassword(user, password, now);
	if (!confirmed.ok)
		return { ok: false, status: confirmed.status, errors: { password: confirmed.error } };
	const deleted = await deleteAccount(user.id, now);
	if (!deleted.ok) return { ok: false, status: 409, errors: {}, blocked: deleted.reason };
	return { ok: true };
}
