import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { emptyDatabase } from '../testing/fixtures.ts';
import {
	codeFor,
	codeAt,
	IP,
	wrongCodeFor,
	readSession,
	auditActions,
	enrolled
} from '../testing/two-factor-staff.ts';
import { createSession } from './session.ts';
import { countUnusedRecoveryCodes, useRecoveryCode, verifyTwoFactorCode } from './two-factor.ts';

beforeEach(async () => {
	await db.delete(table.rateLimits);
	await db.delete(table.auditLog);
	await emptyDatabase();
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
