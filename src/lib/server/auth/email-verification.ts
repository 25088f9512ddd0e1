// Proving an email address: an 8-digit code, emailed, single use, 15 minutes, stored hashed.
// The browser holds only the request id (in a cookie), never the code.
import { and, eq, exists, isNull, ne, notExists, sql } from 'drizzle-orm';
import { config } from '../config.ts';
import { db, table } from '../db/index.ts';
import { queueEmail } from '../email/outbox.ts';
import { verificationCodeEmail } from '../email/templates/account.ts';
import { wakeEmailWorker } from '../email/worker.ts';
import { digestSecret, generateNumericCode, generateSecret, secretMatches } from './secrets.ts';

export const CODE_LIFETIME_MS = 15 * 60_000;

/** Issues a new code for `email` (replacing any earlier one) and queues it in the same write. */
export async function createEmailVerificationRequest(
	user: { id: number; name: string },
	email: string,
	now = new Date()
) {
	const id = generateSecret(24);
	const code = generateNumericCode(8);
	const message = verificationCodeEmail({ email, name: user.name }, code, {
		branchName: config.branchName,
		origin: config.origin,
		requestId: id,
		expiresInMinutes: CODE_LIFETIME_MS / 60_000
	});
	await db.batch([
		db
			.delete(table.authTokens)
			.where(
				and(eq(table.authTokens.userId, user.id), eq(table.authTokens.kind, 'email-verification'))
			),
		db.insert(table.authTokens).values({
			id,
			userId: user.id,
			kind: 'email-verification',
			secretHash: digestSecret(code),
			email,
			expiresAt: new Date(now.getTime() + CODE_LIFETIME_MS),
			createdAt: now
		}),
		queueEmail(db, message, now)
	]);
	wakeEmailWorker();
	return id;
}

export async function findEmailVerificationRequest(id: string) {
	const [request] = await db
		.select()
		.from(table.authTokens)
		.where(and(eq(table.authTokens.id, id), eq(table.authTokens.kind, 'email-verification')));
	return request ?? null;
}

export type CodeCheck =
	| { ok: true; userId: number; email: string }
	| { ok: false; reason: 'wrong' | 'expired' | 'taken' };

/**
 * Checks a code and, if right, uses it up and marks the address verified in one write. For an
 * email change the address may meanwhile belong to another account: then nothing changes and
 * the code stays unused. A new address changes where reset links go, so like a password change it
 * ends every session of the account and voids unused reset links; the caller starts a fresh
 * session for the browser that entered the code.
 */
export async function verifyEmailCode(
	requestId: string,
	code: string,
	now = new Date()
): Promise<CodeCheck> {
	const request = await findEmailVerificationRequest(requestId);
	if (!request || request.usedAt) return { ok: false, reason: 'wrong' };
	if (!secretMatches(code.replace(/\s+/g, ''), request.secretHash))
		return { ok: false, reason: 'wrong' };
	if (request.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
	const addressFree = notExists(
		db
			.select({ one: sql`1` })
			.from(table.users)
			.where(and(eq(table.users.email, request.email), ne(table.users.id, request.userId)))
	);
	const usedNow = exists(
		db
			.select({ one: sql`1` })
			.from(table.authTokens)
			.where(and(eq(table.authTokens.id, request.id), eq(table.authTokens.usedAt, now)))
	);
	const [used] = await db.batch([
		db
			.update(table.authTokens)
			.set({ usedAt: now })
			.where(and(eq(table.authTokens.id, request.id), isNull(table.authTokens.usedAt), addressFree))
			.returning({ id: table.authTokens.id }),
		db
			.update(table.users)
			.set({ email: request.email, emailVerifiedAt: now })
			.where(and(eq(table.users.id, request.userId), usedNow)),
		db.delete(table.sessions).where(and(eq(table.sessions.userId, request.userId), usedNow)),
		db
			.delete(table.authTokens)
			.where(
				and(
					eq(table.authTokens.userId, request.userId),
					eq(table.authTokens.kind, 'password-reset'),
					isNull(table.authTokens.usedAt),
					usedNow
				)
			)
	]);
	if (used.length === 0) {
		const latest = await findEmailVerificationRequest(requestId);
		return { ok: false, reason: latest && !latest.usedAt ? 'taken' : 'wrong' };
	}
	return { ok: true, userId: request.userId, email: request.email };
}
