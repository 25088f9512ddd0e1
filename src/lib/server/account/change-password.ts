// Changing the password from the account page: the current one first, then a strong new one.
// Every other session of the account ends in the same write; the one in use carries on, and the
// member is emailed that the password changed.
import { eq } from 'drizzle-orm';
import { auditInsert } from '../audit.ts';
import { hashPassword } from '../auth/password.ts';
import { invalidateOtherUserSessions } from '../auth/session.ts';
import { db, table } from '../db/index.ts';
import type { Session, User } from '../db/schema/index.ts';
import { confirmCurrentPassword } from './password-confirmation.ts';
import {
	checkNewPassword,
	checkPasswordsTyped,
	type PasswordChangeForm
} from './password-change-form.ts';
import { config } from '../config.ts';
import { queueEmail } from '../email/outbox.ts';
import { passwordChangedEmail } from '../email/templates/password-changed.ts';
import { wakeEmailWorker } from '../email/worker.ts';

export type PasswordChange =
	| { ok: true }
	| {
			ok: false;
			status: 400 | 429;
			errors: { currentPassword?: string; newPassword?: string };
	  };

export async function changePassword(
	viewer: { user: User; session: Pick<Session, 'id'> },
	input: PasswordChangeForm,
	now = new Date()
): Promise<PasswordChange> {
	const { user } = viewer;
	const typed = checkPasswordsTyped(input);
	if (!typed.ok) return { ok: false, status: 400, errors: typed.errors };

	const confirmed = await confirmCurrentPassword(user, input.currentPassword, now);
	if (!confirmed.ok) {
		const error = confirmed.status === 400 ? 'Your current password is not right' : confirmed.error;
		return { ok: false, status: confirmed.status, errors: { currentPassword: error } };
	}
	const chosen = checkNewPassword(user, input);
	if (!chosen.ok) return { ok: false, status: 400, errors: chosen.errors };

	const passwordHash = await hashPassword(input.newPassword);
	await db.batch([
		db.update(table.users).set({ passwordHash }).where(eq(table.users.id, user.id)),
		invalidateOtherUserSessions(user.id, viewer.session.id),
		auditInsert(
			db,
			{ actorUserId: user.id, action: 'password-changed', subjectType: 'user', subjectId: user.id },
			now
		),
		queueEmail(
			db,
			passwordChangedEmail(
				{ email: user.email, name: user.name },
				{ ...config, changedAt: now, userId: user.id }
			),
			now
		)
	]);
	wakeEmailWorker();
	return { ok: true };
}
