// An admin's reset of a staff member's two-factor, for a lost phone.
import { and, eq, isNull } from 'drizzle-orm';
import { db, table } from '../db/index.ts';
import { auditInsert } from '../audit.ts';

export type TwoFactorReset =
	{ ok: true; name: string } | { ok: false; status: 404 | 409; error: string };

/**
 * For a staff member who lost their phone: forgets their key and recovery codes and ends their
 * sessions, so their next sign-in asks them to set up two-factor again.
 */
export async function resetTwoFactor(
	input: { actorUserId: number; userId: number },
	now = new Date()
): Promise<TwoFactorReset> {
	const [user] = await db
		.select()
		.from(table.users)
		.where(and(eq(table.users.id, input.userId), isNull(table.users.deletedAt)));
	if (!user) return { ok: false, status: 404, error: 'That account no longer exists.' };
	if (!user.totpEnrolledAt) {
		return {
			ok: false,
			status: 409,
			error: `${user.name} has not set up two-factor, so there is nothing to reset.`
		};
	}
	await db.batch([
		db
			.update(table.users)
			.set({ totpSecret: null, totpEnrolledAt: null })
			.where(eq(table.users.id, user.id)),
		db.delete(table.recoveryCodes).where(eq(table.recoveryCodes.userId, user.id)),
		db.delete(table.sessions).where(eq(table.sessions.userId, user.id)),
		auditInsert(
			db,
			{
				actorUserId: input.actorUserId,
				action: 'two-factor-reset',
				subjectType: 'user',
				subjectId: user.id
			},
			now
		)
	]);
	return { ok: true, name: user.name };
}
