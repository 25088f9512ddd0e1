// Staff with two-factor, for the two-factor tests: codes right and wrong, an enrolled member
// of staff, and what their account, session and audit trail hold afterwards.
import { decodeBase32 } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { and, eq } from 'drizzle-orm';
import { db, table } from '../db/index.ts';
import { createSession } from '../auth/session.ts';
import { currentTotpCode, generateTotpKey } from '../auth/totp.ts';
import { enrolTwoFactor } from '../auth/two-factor.ts';
import { createMember } from './fixtures.ts';

export const codeFor = (key: string) => generateTOTP(decodeBase32(key), 30, 6);
export const codeAt = (key: string, at: Date) => currentTotpCode(key, at);
export const IP = '203.0.113.40';
/** Enrolment happens a minute before the tests' "now", so its code's time step is spent by then. */
export const enrolledAt = () => new Date(Date.now() - 60_000);
export const wrongCodeFor = (key: string) =>
	String((Number(codeFor(key)) + 500_000) % 1_000_000).padStart(6, '0');

export async function staffWithSession(
	roles: ('organiser' | 'welfare' | 'admin')[] = ['organiser']
) {
	const user = await createMember({ roles, emailVerifiedAt: new Date() });
	const { session } = await createSession(user.id);
	return { user, session };
}

export async function readUser(id: number) {
	const [user] = await db.select().from(table.users).where(eq(table.users.id, id));
	return user;
}

export async function readSession(id: string) {
	const [session] = await db.select().from(table.sessions).where(eq(table.sessions.id, id));
	return session;
}

export async function auditActions(userId: number) {
	const rows = await db
		.select()
		.from(table.auditLog)
		.where(
			and(eq(table.auditLog.subjectType, 'user'), eq(table.auditLog.subjectId, String(userId)))
		);
	return rows.map((row) => ({ action: row.action, actor: row.actorUserId, detail: row.detail }));
}

export async function enrolled(roles: ('organiser' | 'welfare' | 'admin')[] = ['welfare']) {
	const { user, session } = await staffWithSession(roles);
	const key = generateTotpKey();
	const at = enrolledAt();
	const result = await enrolTwoFactor(
		{ userId: user.id, sessionId: session.id, key, code: codeAt(key, at), ip: IP },
		at
	);
	if (!result.ok) throw new Error(result.error);
	return { user: await readUser(user.id), key, recoveryCodes: result.recoveryCodes };
}

/** A staff member with a fresh session tries to turn two-factor on with the code `codeOf` gives. */
export async function tryEnrolling(codeOf: (key: string) => string) {
	const { user, session } = await staffWithSession();
	const key = generateTotpKey();
	const result = await enrolTwoFactor({
		userId: user.id,
		sessionId: session.id,
		key,
		code: codeOf(key),
		ip: IP
	});
	return { user, session, key, result };
}
