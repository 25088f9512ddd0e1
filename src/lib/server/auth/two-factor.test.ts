import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { createMember, emptyDatabase } from '../testing/fixtures.ts';
import {
	codeFor,
	IP,
	wrongCodeFor,
	staffWithSession,
	readUser,
	readSession,
	auditActions,
	enrolled,
	tryEnrolling
} from '../testing/two-factor-staff.ts';
import { createSession } from './session.ts';
import { digestSecret } from './secrets.ts';
import { generateTotpKey } from './totp.ts';
import { countUnusedRecoveryCodes, enrolTwoFactor, resetTwoFactor } from './two-factor.ts';

beforeEach(async () => {
	await db.delete(table.rateLimits);
	await db.delete(table.auditLog);
	await emptyDatabase();
});

describe('turning two-factor on', () => {
	it('saves the key, verifies this session and hands out ten recovery codes kept only as digests', async () => {
		const { user, session, key, result } = await tryEnrolling(codeFor);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.recoveryCodes).toHaveLength(10);
		expect(new Set(result.recoveryCodes).size).toBe(10);
		expect(result.recoveryCodes[0]).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);

		const saved = await readUser(user.id);
		expect(saved.totpSecret).toBe(key);
		expect(saved.totpEnrolledAt).toBeInstanceOf(Date);
		expect((await readSession(session.id)).twoFactorVerifiedAt).toBeInstanceOf(Date);
		const stored = await db
			.select()
			.from(table.recoveryCodes)
			.where(eq(table.recoveryCodes.userId, user.id));
		expect(stored.map((row) => row.codeHash).sort()).toEqual(
			result.recoveryCodes.map((code) => digestSecret(code.replace('-', ''))).sort()
		);
		expect(await auditActions(user.id)).toEqual([
			{ action: 'two-factor-enrolled', actor: user.id, detail: null }
		]);
	});

	it('refuses a wrong code and saves nothing', async () => {
		const { user, session, result } = await tryEnrolling(wrongCodeFor);
		expect(result).toMatchObject({ ok: false, status: 400, error: /not right/ });
		expect((await readUser(user.id)).totpSecret).toBeNull();
		expect((await readSession(session.id)).twoFactorVerifiedAt).toBeNull();
		expect(await countUnusedRecoveryCodes(user.id)).toBe(0);
	});

	it('explains a missing or malformed code without counting it as a try', async () => {
		const { user, session } = await staffWithSession();
		const key = generateTotpKey();
		const attempt = (code: string) =>
			enrolTwoFactor({ userId: user.id, sessionId: session.id, key, code, ip: IP });
		expect(await attempt('')).toMatchObject({
			status: 400,
			error: 'Enter the code from your authenticator app'
		});
		expect(await attempt('12345')).toMatchObject({ status: 400, error: /6-digit code/ });
		expect(await attempt('abcdef')).toMatchObject({ status: 400, error: /6-digit code/ });
		expect(await db.select().from(table.rateLimits)).toEqual([]);
		const spaced = codeFor(key).replace(/^(\d{3})/, '$1 ');
		expect((await attempt(spaced)).ok).toBe(true);
	});

	it('refuses a setup whose key is missing or made up', async () => {
		const { user, session } = await staffWithSession();
		const result = await enrolTwoFactor({
			userId: user.id,
			sessionId: session.id,
			key: 'not-a-key',
			code: '123456',
			ip: IP
		});
		expect(result).toMatchObject({ ok: false, status: 400, error: /expired/ });
	});

	it('keeps the first recovery codes when the form is submitted twice', async () => {
		const { user, session } = await staffWithSession();
		const key = generateTotpKey();
		const input = { userId: user.id, sessionId: session.id, key, code: codeFor(key), ip: IP };
		const now = new Date();
		const first = await enrolTwoFactor(input, now);
		const second = await enrolTwoFactor(input, now);
		expect(first.ok).toBe(true);
		expect(second).toMatchObject({ ok: false, status: 409 });
		if (!first.ok) return;
		const stored = await db
			.select({ codeHash: table.recoveryCodes.codeHash })
			.from(table.recoveryCodes)
			.where(eq(table.recoveryCodes.userId, user.id));
		expect(stored.map((row) => row.codeHash).sort()).toEqual(
			first.recoveryCodes.map((code) => digestSecret(code.replace('-', ''))).sort()
		);
		expect((await auditActions(user.id)).map((entry) => entry.action)).toEqual([
			'two-factor-enrolled'
		]);
	});
});

describe('an admin resetting two-factor for a lost phone', () => {
	it('forgets the key and recovery codes, ends every session and records who did it', async () => {
		const admin = await createMember({ roles: ['admin'] });
		const { user } = await enrolled(['organiser']);
		await createSession(user.id);
		await createSession(user.id);

		const result = await resetTwoFactor({ actorUserId: admin.id, userId: user.id });
		expect(result).toEqual({ ok: true, name: user.name });
		const after = await readUser(user.id);
		expect(after.totpSecret).toBeNull();
		expect(after.totpEnrolledAt).toBeNull();
		expect(await countUnusedRecoveryCodes(user.id)).toBe(0);
		expect(
			await db.select().from(table.sessions).where(eq(table.sessions.userId, user.id))
		).toEqual([]);
		expect(await auditActions(user.id)).toContainEqual({
			action: 'two-factor-reset',
			actor: admin.id,
			detail: null
		});
	});

	it('says so when there is nothing to reset', async () => {
		const admin = await createMember({ roles: ['admin'] });
		const member = await createMember({ name: 'Amara Okafor' });
		expect(await resetTwoFactor({ actorUserId: admin.id, userId: member.id })).toEqual({
			ok: false,
			status: 409,
			error: 'Amara Okafor has not set up two-factor, so there is nothing to reset.'
		});
		expect(await resetTwoFactor({ actorUserId: admin.id, userId: 999_999 })).toMatchObject({
			status: 404
		});
	});
});
