// Deleting an account only with the password typed again: a session left open on a shared
// computer, or a stolen cookie, is not enough to erase someone's account. Staff accounts
// cannot be deleted by their owner at all (an admin removes the roles first), so no
// two-factor code is asked here.
import type { User } from '../db/schema/index.ts';
import { deleteAccount } from './delete-account.ts';
import { confirmCurrentPassword } from './password-confirmation.ts';

export type ConfirmedDeletion =
	| { ok: true }
	| { ok: false; status: 400 | 409 | 429; errors: { password?: string }; blocked?: string };

export async function deleteAccountWithPassword(
	user: Pick<User, 'id' | 'passwordHash'>,
	password: string,
	now = new Date()
): Promise<ConfirmedDeletion> {
	if (!password) {
		return { ok: false, status: 400, errors: { password: 'Enter your password' } };
	}
	const confirmed = await confirmCurrentPassword(user, password, now);
	if (!confirmed.ok)
		return { ok: false, status: confirmed.status, errors: { password: confirmed.error } };
	const deleted = await deleteAccount(user.id, now);
	if (!deleted.ok) return { ok: false, status: 409, errors: {}, blocked: deleted.reason };
	return { ok: true };
}
