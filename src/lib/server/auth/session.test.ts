import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { createMember, emptyDatabase } from '../testing/fixtures.ts';
import {
	createSession,
	invalidateUserSessions,
	markTwoFactorVerified,
	MEMBER_INACTIVITY_MS,
	replaceSession,
	STAFF_ABSOLUTE_MS,
	validateSessionToken
} from './session.ts';

const DAY = 24 * 3_600_000;
beforeEach(emptyDatabase);

describe('sessions', () => {
	it('get a new id and secret once two-factor is passed, keeping the sign-in time', async () => {
		const staff = await createMember({ roles: ['organiser'], emailVerifiedAt: new Date() });
		const signedInAt = new Date(Date.now() - 3_600_000);
		const { token: before, session } = await createSession(staff.id, { now: signedInAt });
		await markTwoFactorVerified(session.id);
		const renewed = await replaceSession(session.id);
		expect(renewed).not.toBeNull();
		expect(await validateSessionToken(before)).toBeNull();
		const after = await validateSessionToken(renewed!.token);
		expect(after?.session.id).not.toBe(session.id);
		expect(after?.session.twoFactorVerifiedAt).not.toBeNull();
		expect(after?.session.createdAt).toEqual(signedInAt);
		expect(after?.expiresAt).toEqual(new Date(signedInAt.getTime() + STAFF_ABSOLUTE_MS));
		expect(await replaceSession(session.id)).toBeNull();
	});

	it('issue an id.secret token with at least 128 bits of secret, storing only its SHA-256', async () => {
		const member = await createMember();
		const { token, session } = await createSession(member.id);
		const [id, secret] = token.split('.');
		expect(id).toBe(session.id);
		expect(secret.length * 5).toBeGreaterThanOrEqual(128);
		const [stored] = await db.select().from(table.sessions).where(eq(table.sessions.id, id));
		expect(stored.secretHash).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(stored)).not.toContain(secret);
	});

	it('accept the right token and refuse a wrong secret for the same id', async () => {
		const member = await createMember();
		const { token } = await createSession(member.id);
		expect((await validateSessionToken(token))?.user.id).toBe(member.id);
		const [id] = token.split('.');
		expect(await validateSessionToken(`${id}.${'a'.repeat(32)}`)).toBeNull();
		expect(await validateSessionToken('not-a-token')).toBeNull();
	});

	it('keep a member signed in while active and end after 14 days without a visit', async () => {
		const member = await createMember();
		const start = new Date('2026-11-01T09:00:00Z');
		const { token } = await createSession(member.id, { now: start });
		const tenDaysLater = new Date(start.getTime() + 10 * DAY);
		expect(await validateSessionToken(token, tenDaysLater)).not.toBeNull();
		// Active on day 10, so day 20 is only 10 days of inactivity.
		expect(await validateSessionToken(token, new Date(start.getTime() + 20 * DAY))).not.toBeNull();
		const idle = new Date(start.getTime() + 20 * DAY + MEMBER_INACTIVITY_MS + 1);
		expect(await validateSessionToken(token, idle)).toBeNull();
	});

	it('end a staff session 12 hours after sign-in however active it is', async () => {
		const organiser = await createMember({ roles: ['organiser'] });
		const start = new Date('2026-11-01T09:00:00Z');
		const { token } = await createSession(organiser.id, { now: start });
		expect(
			await validateSessionToken(token, new Date(start.getTime() + 11 * 3_600_000))
		).not.toBeNull();
		expect(
			await validateSessionToken(token, new Date(start.getTime() + STAFF_ABSOLUTE_MS + 1))
		).toBeNull();
	});

	it('can all be ended at once for one person', async () => {
		const member = await createMember();
		const a = await createSession(member.id);
		const b = await createSession(member.id);
		await invalidateUserSessions(member.id);
		expect(await validateSessionToken(a.token)).toBeNull();
		expect(await validateSessionToken(b.token)).toBeNull();
	});
});
