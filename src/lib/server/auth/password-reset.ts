// Forgotten passwords: a link valid for one hour, single use, stored hashed. Using it sets the
// new password and ends every session of the account in the same write.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { config } from '../config.ts';
import { db, table } from '../db/index.ts';
import type { User } from '../db/schema/index.ts';
import { queueEmail } from '../email/outbox.ts';
import { noAccountResetEmail, passwordResetEmail } from '../email/templates/account.ts';
import { wakeEmailWorker } from '../email/worker.ts';
import { auditInsert, recordAudit } from '../audit.ts';
import { checkResetPassword } from './password-reset-form.ts';
import { hashPassword } from './password.ts';
import { consumeRateLimit, LIMITS, loginAccountKey, loginWaitKey } from './rate-limit.ts';
import { digestSecret, generateSecret, secretMatches } from './secrets.ts';

export const RESET_LIFETIME_MS = 60 * 60_000;

/**
 * Emails a reset link if the address belongs to an account, and a note saying there is no
 * account if it does not: both render an email and queue it in one write, so the answer and
 * its timing say nothing about whether the address is known. Every request counts against the
 * address's email limit.
 */
export async function requestPasswordReset(
	email: string,
	now = new Date()
): Promise<{ ok: true } | { ok: false; retryAfterMs: number }> {
	const sending = await consumeRateLimit(`email-send:${email}`, LIMITS.emailsPerAddress, now);
	if (!sending.allowed) return { ok: false, retryAfterMs: sending.retryAfterMs };
	const [user] = await db
		.select()
		.from(table.users)
		.where(and(eq(table.users.email, email), isNull(table.users.deletedAt)));
	const brandingFor = (requestId: string) => ({
		branchName: config.branchName,
		origin: config.origin,
		requestId
	});
	if (!user) {
		await db.batch([
			queueEmail(db, noAccountResetEmail(email, brandingFor(generateSecret(20))), now),
			auditInsert(db, { actorUserId: null, action: 'password-reset-no-account' }, now)
		]);
		wakeEmailWorker();
		return { ok: true };
	}
	const link = newSetPasswordLink(user, RESET_LIFETIME_MS, now);
	await db.batch([
		link.insertToken,
		queueEmail(
			db,
			passwordResetEmail({ email: user.email, name: user.name }, link.url, {
				...brandingFor(link.id),
				expiresInMinutes: RESET_LIFETIME_MS / 60_000
			}),
			now
		),
		auditInsert(
			db,
			{
				actorUserId: user.id,
				action: 'password-reset-requested',
				subjectType: 'user',
				subjectId: user.id
			},
			now
		)
	]);
	wakeEmailWorker();
	return { ok: true };
}

/**
 * A single-use link that sets the account's password (a reset, or a walk-in's first password),
 * and the insert of its hashed token, to write in the same batch as the email that carries it.
 */
export function newSetPasswordLink(
	user: Pick<User, 'id' | 'email'>,
	lifetimeMs: number,
	now: Date
) {
	const id = generateSecret(20);
	const secret = generateSecret(32);
	return {
		id,
		url: `${config.origin}/reset-password?token=${id}.${secret}`,
		insertToken: db.insert(table.authTokens).values({
			id,
			userId: user.id,
			kind: 'password-reset',
			secretHash: digestSecret(secret),
			email: user.email,
			expiresAt: new Date(now.getTime() + lifetimeMs),
			createdAt: now
		})
	};
}

export type ResetLinkState =
	| { ok: true; userId: number; email: string }
	| { ok: false; reason: 'invalid' | 'used' | 'expired' };

export async function checkPasswordResetToken(
	token: string,
	now = new Date()
): Promise<ResetLinkState> {
	const [id, secret] = token.split('.');
	if (!id || !secret) return { ok: false, reason: 'invalid' };
	const [row] = await db
		.select()
		.from(table.authTokens)
		.where(and(eq(table.authTokens.id, id), eq(table.authTokens.kind, 'password-reset')));
	if (!row || !secretMatches(secret, row.secretHash)) return { ok: false, reason: 'invalid' };
	if (row.usedAt) return { ok: false, reason: 'used' };
	if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
	return { ok: true, userId: row.userId, email: row.email };
}

export type ResetOutcome =
	| { ok: true; userId: number }
	| { ok: false; linkProblem?: ResetLinkState & { ok: false }; passwordError?: string };

export async function resetPassword(
	token: string,
	password: string,
	now = new Date()
): Promise<ResetOutcome> {
	const link = await checkPasswordResetToken(token, now);
	if (!link.ok) return { ok: false, linkProblem: link };
	const checked = checkResetPassword(link.email, { password });
	if (!checked.ok) return { ok: false, passwordError: checked.errors.password };
	const passwordHash = await hashPassword(password);
	const id = token.split('.')[0];
	// Every statement runs only while the link is unused, and the last one uses it up, so a
	// double submit changes nothing the second time.
	const linkUnused = isNull(
		db
			.select({ usedAt: table.authTokens.usedAt })
			.from(table.authTokens)
			.where(eq(table.authTokens.id, id))
	);
	const [, , , used] = await db.batch([
		db
			.update(table.users)
			.set({ passwordHash, emailVerifiedAt: now })
			.where(and(eq(table.users.id, link.userId), linkUnused)),
		db.delete(table.sessions).where(and(eq(table.sessions.userId, link.userId), linkUnused)),
		// The owner has just proved they hold the mailbox: the account's failed sign-ins are forgotten.
		db
			.delete(table.rateLimits)
			.where(
				and(
					inArray(table.rateLimits.key, [loginAccountKey(link.email), loginWaitKey(link.email)]),
					linkUnused
				)
			),
		db
			.update(table.authTokens)
			.set({ usedAt: now })
			.where(and(eq(table.authTokens.id, id), isNull(table.authTokens.usedAt)))
			.returning({ id: table.authTokens.id })
	]);
	if (used.length === 0) return { ok: false, linkProblem: { ok: false, reason: 'used' } };
	await recordAudit(
		{
			actorUserId: link.userId,
			action: 'password-reset',
			subjectType: 'user',
			subjectId: link.userId
		},
		now
	);
	return { ok: true, userId: link.userId };
}
