import { decodeBase32 } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { createMember, emptyDatabase } from '../testing/fixtures.ts';
import { createSession } from './session.ts';
import { digestSecret } from './secrets.ts';
import {
	countUnusedRecoveryCodes,
	enrolTwoFactor,
	resetTwoFactor,
	useRecoveryCode,
	verifyTwoFactorCode
} from './two-factor.ts';
import { currentTotpCode, generateTotpKey } from './totp.ts';

const codeFor = (key: string) => generateTOTP(decodeBase32(key), 30, 6);
const codeAt = (key: string, at: Date) => currentTotpCode(key, at);
const IP = '203.0.113.40';
/** Enrolment happens a minute before the tests' "now", so its code's time step is spent by then. */
const enrolledAt = () => new Date(Date.now() - 60_000);
const wrongCodeFor = (key: string) =>
	String((Number(codeFor(key)) + 500_000) % 1_000_000).padStart(6, '0');

async function staffWithSession(roles: ('organiser' | 'welfare' | 'admin')[] = ['organiser']) {
	const user = await createMember({ roles, emailVerifiedAt: new Date() });
	const { session } = await createSession(user.id);
	return { user, session };
}

async function readUser(id: number) {
	const [user] = await db.select().from(table.users).where(eq(table.users.id, id));
	return user;
}

async function readSession(id: string) {
	const [session] = await db.select().from(table.sessions).where(eq(table.sessions.id, id));
	return session;
}

async function auditActions(userId: number) {
	const rows = await db
		.select()
		.from(table.auditLog)
		.where(
			and(eq(table.auditLog.subjectType, 'user'), eq(table.auditLog.subjectId, String(userId)))
		);
	return rows.map((row) => ({ action: row.action, actor: row.actorUserId, detail: row.detail }));
}

async function enrolled(roles: ('organiser' | 'welfare' | 'admin')[] = ['welfare']) {
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
async function tryEnrolling(codeOf: (key: string) => string) {
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

describe('entering a code at sign-in', () => {
	it('marks the session verified on the right code and records it', async () => {
		const { user, key } = await enrolled();
		const { session } = await createSession(user.id);
		const wrong = await verifyTwoFactorCode({
			user,
			sessionId: session.id,
			code: wrongCodeFor(key),
			ip: IP
		});
		expect(wrong).toMatchObject({ ok: false, status: 400, error: /not right/ });
		expect((await readSession(session.id)).twoFactorVerifiedAt).toBeNull();

		const right = await verifyTwoFactorCode({
			user,
			sessionId: session.id,
			code: codeFor(key),
			ip: IP
		});
		expect(right.ok).toBe(true);
		expect((await readSession(session.id)).twoFactorVerifiedAt).toBeInstanceOf(Date);
		expect(await auditActions(user.id)).toContainEqual({
			action: 'two-factor-verified',
			actor: user.id,
			detail: { method: 'authenticator' }
		});
	});

	it('stops taking codes from an address after ten wrong ones in an hour, and starts again after it', async () => {
		const { user, key } = await enrolled();
		await db.delete(table.rateLimits);
		const { session } = await createSession(user.id);
		const t = new Date();
		for (let i = 0; i < 10; i++) {
			const wrong = { user, sessionId: session.id, code: wrongCodeFor(key), ip: IP };
			expect(await verifyTwoFactorCode(wrong, t)).toMatchObject({ status: 400 });
		}
		const right = (at: Date, ip = IP) =>
			verifyTwoFactorCode({ user, sessionId: session.id, code: codeAt(key, at), ip }, at);
		expect(await right(t)).toMatchObject({ ok: false, status: 429, error: /Too many codes/ });
		expect((await readSession(session.id)).twoFactorVerifiedAt).toBeNull();
		expect(await right(t, '198.51.100.9')).toMatchObject({ ok: true });
		expect(await right(new Date(t.getTime() + 3_600_001))).toMatchObject({ ok: true });
	});

	it('stops taking codes for a person after thirty wrong ones from anywhere', async () => {
		const { user, key } = await enrolled();
		await db.delete(table.rateLimits);
		const { session } = await createSession(user.id);
		const t = new Date();
		for (let i = 0; i < 30; i++) {
			const ip = `198.51.100.${i}`;
			const wrong = { user, sessionId: session.id, code: wrongCodeFor(key), ip };
			expect(await verifyTwoFactorCode(wrong, t)).toMatchObject({ status: 400 });
		}
		const right = { user, sessionId: session.id, code: codeAt(key, t), ip: '192.0.2.1' };
		expect(await verifyTwoFactorCode(right, t)).toMatchObject({ status: 429 });
	});

	it('never counts a right code, so its owner is never locked out by using it', async () => {
		const { user, key } = await enrolled();
		await db.delete(table.rateLimits);
		const t0 = Date.now();
		for (let i = 0; i < 40; i++) {
			const at = new Date(t0 + i * 30_000);
			const { session } = await createSession(user.id);
			const right = { user, sessionId: session.id, code: codeAt(key, at), ip: IP };
			expect(await verifyTwoFactorCode(right, at), `code ${i + 1}`).toEqual({ ok: true });
		}
		const counts = await db.select().from(table.rateLimits);
		expect(counts.every((row) => row.count === 0)).toBe(true);
	});

	it('takes a code once: the same code in a second session of the same account is refused', async () => {
		const { user, key } = await enrolled();
		const first = await createSession(user.id);
		const second = await createSession(user.id);
		const t = new Date();
		const code = codeAt(key, t);
		const inFirst = await verifyTwoFactorCode(
			{ user, sessionId: first.session.id, code, ip: IP },
			t
		);
		expect(inFirst).toEqual({ ok: true });
		const inSecond = await verifyTwoFactorCode(
			{ user, sessionId: second.session.id, code, ip: '198.51.100.77' },
			new Date(t.getTime() + 20_000)
		);
		expect(inSecond).toMatchObject({ ok: false, status: 400, error: /used already/ });
		expect((await readSession(second.session.id)).twoFactorVerifiedAt).toBeNull();
	});

	it('refuses an earlier code once a later one has been taken, and lets one of two racing sessions win', async () => {
		const { user, key } = await enrolled();
		const t = new Date();
		const earlier = codeAt(key, new Date(t.getTime() - 30_000));
		const now = codeAt(key, t);
		const a = await createSession(user.id);
		expect(
			await verifyTwoFactorCode({ user, sessionId: a.session.id, code: now, ip: IP }, t)
		).toEqual({ ok: true });
		const b = await createSession(user.id);
		expect(
			await verifyTwoFactorCode({ user, sessionId: b.session.id, code: earlier, ip: IP }, t)
		).toMatchObject({ ok: false, error: /used already/ });

		const next = new Date(t.getTime() + 30_000);
		const sessions = await Promise.all([createSession(user.id), createSession(user.id)]);
		const results = await Promise.all(
			sessions.map(({ session }) =>
				verifyTwoFactorCode({ user, sessionId: session.id, code: codeAt(key, next), ip: IP }, next)
			)
		);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
	});

	it('takes a recovery code once, in any case and spacing, and never again', async () => {
		const { user, recoveryCodes } = await enrolled();
		const { session } = await createSession(user.id);
		const typed = ` ${recoveryCodes[3].toUpperCase().replace('-', ' ')} `;
		expect(
			await useRecoveryCode({ userId: user.id, sessionId: session.id, code: typed, ip: IP })
		).toEqual({
			ok: true
		});
		expect((await readSession(session.id)).twoFactorVerifiedAt).toBeInstanceOf(Date);
		expect(await countUnusedRecoveryCodes(user.id)).toBe(9);

		const later = await createSession(user.id);
		const again = await useRecoveryCode({
			userId: user.id,
			sessionId: later.session.id,
			code: recoveryCodes[3],
			ip: IP
		});
		expect(again).toMatchObject({ ok: false, status: 400, error: /used already/ });
		expect((await readSession(later.session.id)).twoFactorVerifiedAt).toBeNull();
		expect(
			(await auditActions(user.id)).filter((entry) => entry.action === 'two-factor-verified')
		).toEqual([
			{ action: 'two-factor-verified', actor: user.id, detail: { method: 'recovery-code' } }
		]);
	});

	it('does not take another person’s recovery code', async () => {
		const first = await enrolled();
		const second = await enrolled();
		const { session } = await createSession(second.user.id);
		const result = await useRecoveryCode({
			userId: second.user.id,
			sessionId: session.id,
			code: first.recoveryCodes[0],
			ip: IP
		});
		expect(result.ok).toBe(false);
		expect(await countUnusedRecoveryCodes(first.user.id)).toBe(10);
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
