// The devices a person is signed in on, as their account page lists them, and signing out of
// all of them but the one in hand. Only what the browser sent and when: no addresses, no places.
import { and, desc, eq, ne } from 'drizzle-orm';
import { auditInsert } from '../audit.ts';
import { db, table } from '../db/index.ts';
import type { User } from '../db/schema/index.ts';
import { sessionExpiresAt } from './session.ts';
import { deviceName } from './user-agent.ts';

export type SignedInDevice = {
	name: string;
	signedInAt: Date;
	lastSeenAt: Date;
	current: boolean;
};

/** Live sessions, most recently used first, the one making this request marked. */
export async function listSignedInDevices(
	user: Pick<User, 'id' | 'roles'>,
	currentSessionId: string,
	now = new Date()
): Promise<SignedInDevice[]> {
	const s = table.sessions;
	const rows = await db
		.select()
		.from(s)
		.where(eq(s.userId, user.id))
		.orderBy(desc(s.lastUsedAt), desc(s.createdAt));
	return rows
		.filter((row) => sessionExpiresAt(row, user).getTime() > now.getTime())
		.map((row) => ({
			name: deviceName(row.userAgent),
			signedInAt: row.createdAt,
			lastSeenAt: row.id === currentSessionId ? now : row.lastUsedAt,
			current: row.id === currentSessionId
		}))
		.sort((a, b) => Number(b.current) - Number(a.current));
}

/** Ends every session of the person but `keepSessionId`; says how many it ended. */
export async function signOutOtherDevices(userId: number, keepSessionId: string, now = new Date()) {
	const s = table.sessions;
	const [ended] = await db.batch([
		db
			.delete(s)
			.where(and(eq(s.userId, userId), ne(s.id, keepSessionId)))
			.returning({ id: s.id }),
		auditInsert(
			db,
			{
				actorUserId: userId,
				action: 'signed-out-other-devices',
				subjectType: 'user',
				subjectId: userId
			},
			now
		)
	]);
	return ended.length;
}
