// Sessions as the Lucia project now recommends: a token `id.secret`, the SHA-256 of the secret
// stored, a constant-time compare. Members stay signed in while active (14 days of
// inactivity ends it); anyone with a staff role gets 12 hours at most, whatever they do.
import { and, desc, eq, ne, notInArray, sql } from 'drizzle-orm';
import { isDatabaseBusy } from '../db/busy.ts';
import { db, table } from '../db/index.ts';
import type { Session, User } from '../db/schema/index.ts';
import { digestSecret, generateSecret, secretMatches } from './secrets.ts';

export const MEMBER_INACTIVITY_MS = 14 * 24 * 3_600_000;
/** Signed-in devices per account; signing in on another ends the longest unused. */
export const MAX_SESSIONS_PER_USER = 10;
const MAX_USER_AGENT_LENGTH = 512;
export const STAFF_ABSOLUTE_MS = 12 * 3_600_000;
/** lastUsedAt is refreshed at most this often, so reading pages does not mean writing. */
const ACTIVITY_RESOLUTION_MS = 3_600_000;

export type SessionValidation = { session: Session; user: User; expiresAt: Date } | null;

export function isStaff(user: Pick<User, 'roles'>) {
	return user.roles.length > 0;
}

/** When a session ends if nothing else happens: the rule behind both cookie and check. */
export function sessionExpiresAt(
	session: Pick<Session, 'createdAt' | 'lastUsedAt'>,
	user: Pick<User, 'roles'>
) {
	return isStaff(user)
		? new Date(session.createdAt.getTime() + STAFF_ABSOLUTE_MS)
		: new Date(session.lastUsedAt.getTime() + MEMBER_INACTIVITY_MS);
}

export async function createSession(
	userId: number,
	options: { twoFactorVerified?: boolean; now?: Date; userAgent?: string | null } = {}
) {
	const now = options.now ?? new Date();
	const id = generateSecret(20);
	const secret = generateSecret(32);
	const s = table.sessions;
	const [[session]] = await db.batch([
		db
			.insert(s)
			.values({
				id,
				secretHash: digestSecret(secret),
				userId,
				createdAt: now,
				lastUsedAt: now,
				twoFactorVerifiedAt: options.twoFactorVerified ? now : null,
				userAgent: options.userAgent?.slice(0, MAX_USER_AGENT_LENGTH) || null
			})
			.returning(),
		// In the same write, so sign-ins in parallel cannot leave more than the cap.
		db.delete(s).where(
			and(
				eq(s.userId, userId),
				notInArray(
					s.id,
					db
						.select({ id: s.id })
						.from(s)
						.where(eq(s.userId, userId))
						// The new session first, whatever the clock says, then the most recently used.
						.orderBy(desc(sql`${s.id} = ${id}`), desc(s.lastUsedAt), desc(s.createdAt))
						.limit(MAX_SESSIONS_PER_USER)
				)
			)
		)
	]);
	return { token: `${id}.${secret}`, session };
}

// Read on every signed-in request, so its SQL is built once.
const sessionWithUser = db
	.select({ session: table.sessions, user: table.users })
	.from(table.sessions)
	.innerJoin(table.users, eq(table.sessions.userId, table.users.id))
	.where(eq(table.sessions.id, sql.placeholder('id')))
	.limit(1)
	.prepare();

export async function validateSessionToken(
	token: string,
	now = new Date()
): Promise<SessionValidation> {
	const [id, secret] = token.split('.');
	if (!id || !secret || id.length > 64 || secret.length > 64) return null;
	const [row] = await sessionWithUser.all({ id });
	if (!row || !secretMatches(secret, row.session.secretHash) || row.user.deletedAt) return null;
	const expiresAt = sessionExpiresAt(row.session, row.user);
	if (expiresAt.getTime() <= now.getTime()) {
		await invalidateSession(id);
		return null;
	}
	if (now.getTime() - row.session.lastUsedAt.getTime() >= ACTIVITY_RESOLUTION_MS) {
		try {
			await db.update(table.sessions).set({ lastUsedAt: now }).where(eq(table.sessions.id, id));
			row.session.lastUsedAt = now;
		} catch (error) {
			// Recording activity can wait for the next request; a busy database must not stop this one.
			if (!isDatabaseBusy(error)) throw error;
		}
	}
	return {
		session: row.session,
		user: row.user,
		expiresAt: sessionExpiresAt(row.session, row.user)
	};
}

export async function markTwoFactorVerified(sessionId: string, now = new Date()) {
	await db
		.update(table.sessions)
		.set({ twoFactorVerifiedAt: now })
		.where(eq(table.sessions.id, sessionId));
}

/**
 * The same session under a new id and secret, for the moment it gains a privilege (a two-factor
 * code entered): a token seen before that moment is worth nothing after it. The sign-in time is
 * kept, so a staff session still ends 12 hours after the password was entered.
 */
export async function replaceSession(sessionId: string, now = new Date()) {
	const id = generateSecret(20);
	const secret = generateSecret(32);
	const s = table.sessions;
	const [, [session]] = await db.batch([
		db.run(
			sql`insert into ${s} (id, secret_hash, user_id, created_at, last_used_at, two_factor_verified_at, user_agent)
				select ${id}, ${digestSecret(secret)}, user_id, created_at, ${now.getTime()}, two_factor_verified_at, user_agent
				from ${s} where id = ${sessionId}`
		),
		db.select().from(s).where(eq(s.id, id)),
		db.delete(s).where(eq(s.id, sessionId))
	]);
	return session ? { token: `${id}.${secret}`, session } : null;
}

export async function invalidateSession(sessionId: string) {
	await db.delete(table.sessions).where(eq(table.sessions.id, sessionId));
}

export async function invalidateUserSessions(userId: number) {
	await db.delete(table.sessions).where(eq(table.sessions.userId, userId));
}

/** Ends every session of the user except `keepSessionId`; usable on its own or in a batch. */
export function invalidateOtherUserSessions(userId: number, keepSessionId: string) {
	return db
		.delete(table.sessions)
		.where(and(eq(table.sessions.userId, userId), ne(table.sessions.id, keepSessionId)));
}
