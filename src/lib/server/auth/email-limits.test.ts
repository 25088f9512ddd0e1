import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { emptyDatabase } from '../testing/fixtures.ts';
import { signInWithPassword } from './password-sign-in.ts';
import { signUp } from './sign-up.ts';
import { hashPassword } from './password.ts';
import { requestPasswordReset } from './password-reset.ts';
import { resendVerificationCode, submitVerificationCode } from './verify-email-flow.ts';

const PASSWORD = 'tangerine lighthouse gravel orbit';
const t0 = new Date('2026-11-22T10:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

beforeEach(async () => {
	await emptyDatabase();
	for (const t of [table.outbox, table.rateLimits, table.authTokens, table.auditLog])
		await db.delete(t);
});

async function emailsTo(address: string) {
	return db.select().from(table.outbox).where(eq(table.outbox.recipient, address));
}

const codeIn = (text: string) => /\b(\d{8})\b/.exec(text)![1];

const register = (email: string, now: Date) =>
	signUp({ name: 'Amara Okafor', email, password: PASSWORD }, now);

async function verifiedAccount(email: string) {
	await db.insert(table.users).values({
		email,
		name: 'Amara Okafor',
		passwordHash: await hashPassword(PASSWORD),
		emailVerifiedAt: t0
	});
}

describe('emails to one address', () => {
	it('from sign-up: 3 in 15 minutes, then again once the 15 minutes are up', async () => {
		const email = 'new@example.org';
		for (let i = 0; i < 3; i++) expect((await register(email, at(i))).ok).toBe(true);
		const fourth = await register(email, at(3));
		expect(fourth).toEqual({
			ok: false,
			errors: {
				email: 'We have sent several emails to this address. Try again in 12 minutes.'
			}
		});
		expect(await emailsTo(email)).toHaveLength(3);
		expect((await register(email, at(15))).ok).toBe(true);
		expect(await emailsTo(email)).toHaveLength(4);
	});

	it('from password reset: 3 in 15 minutes, known address or not, then released', async () => {
		await verifiedAccount('amara@example.org');
		for (const email of ['amara@example.org', 'nobody@example.org']) {
			for (let i = 0; i < 3; i++)
				expect(await requestPasswordReset(email, at(i))).toEqual({ ok: true });
			expect(await requestPasswordReset(email, at(3))).toEqual({
				ok: false,
				retryAfterMs: 12 * 60_000
			});
			expect(await requestPasswordReset(email, at(15))).toEqual({ ok: true });
		}
		expect(await emailsTo('amara@example.org')).toHaveLength(4);
		// An address with no account is told so, within the same limit.
		expect(await emailsTo('nobody@example.org')).toHaveLength(4);
	});

	it('from sign-up, resend-code and sign-in before verifying all count together', async () => {
		const email = 'new@example.org';
		const registered = await register(email, at(0));
		if (!registered.ok) throw new Error('registration refused');
		const resent = await resendVerificationCode(registered.verificationId, email, at(1));
		expect(resent.ok).toBe(true);
		const signIn = await signInWithPassword({ email, password: PASSWORD, ip: '192.0.2.1' }, at(2));
		expect(signIn).toMatchObject({ ok: false, unverified: { verificationId: expect.any(String) } });
		expect(await emailsTo(email)).toHaveLength(3);

		const latestId = !signIn.ok ? signIn.unverified!.verificationId : '';
		const refused = await resendVerificationCode(latestId, email, at(3));
		expect(refused).toEqual({
			ok: false,
			error: 'We have sent several codes already. Try again in 12 minutes.'
		});
		// Signing in again sends nothing new and points at the code already sent.
		const again = await signInWithPassword({ email, password: PASSWORD, ip: '192.0.2.1' }, at(4));
		expect(again).toMatchObject({ ok: false, unverified: { verificationId: latestId } });
		expect(await emailsTo(email)).toHaveLength(3);

		const released = await resendVerificationCode(latestId, email, at(15));
		expect(released.ok).toBe(true);
		expect(await emailsTo(email)).toHaveLength(4);
	});
});

describe('signing up with an address that already has an account', () => {
	it('answers every step of the verify-email screen as for a new address', async () => {
		await verifiedAccount('amara@example.org');
		const known = await register('amara@example.org', at(0));
		const unknown = await register('new@example.org', at(0));
		expect(known).toEqual({
			ok: true,
			verificationId: expect.any(String),
			email: 'amara@example.org'
		});
		expect(unknown).toEqual({
			ok: true,
			verificationId: expect.any(String),
			email: 'new@example.org'
		});
		if (!known.ok || !unknown.ok) return;

		const steps = async (id: string, email: string) => [
			await submitVerificationCode(id, '12345678', at(1)),
			await resendVerificationCode(id, email, at(2)),
			await resendVerificationCode(id, email, at(3)),
			await resendVerificationCode(id, email, at(4))
		];
		const forKnown = await steps(known.verificationId, known.email);
		const forUnknown = await steps(unknown.verificationId, unknown.email);
		expect(forKnown.map((step) => step.ok)).toEqual([false, true, true, false]);
		expect(forUnknown.map((step) => step.ok)).toEqual(forKnown.map((step) => step.ok));
		expect(forKnown[0]).toEqual(forUnknown[0]);
		expect(forKnown[3]).toEqual(forUnknown[3]);

		// The owner hears of it once; no code that could take the account over is ever sent.
		expect((await emailsTo('amara@example.org')).map((email) => email.template)).toEqual([
			'account-exists'
		]);
	});
});

describe('email verification code checks', () => {
	it('stop after 10 in an hour, even a right code, and start again after the hour', async () => {
		const email = 'new@example.org';
		const registered = await register(email, at(0));
		if (!registered.ok) throw new Error('registration refused');
		const code = codeIn((await emailsTo(email))[0].textBody);
		const wrong = code === '00000000' ? '11111111' : '00000000';
		for (let i = 0; i < 10; i++) {
			expect(await submitVerificationCode(registered.verificationId, wrong, at(1))).toMatchObject({
				ok: false,
				status: 400
			});
		}
		expect(await submitVerificationCode(registered.verificationId, code, at(2))).toEqual({
			ok: false,
			status: 429,
			error: 'Too many wrong codes. Try again in 59 minutes.'
		});

		const resent = await resendVerificationCode(registered.verificationId, email, at(60));
		if (!resent.ok || !resent.requestId) throw new Error('resend refused');
		const fresh = codeIn((await emailsTo(email)).at(-1)!.textBody);
		expect(await submitVerificationCode(resent.requestId, fresh, at(61))).toMatchObject({
			ok: true
		});
	});
});
