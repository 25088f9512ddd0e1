import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { emptyDatabase } from '../testing/fixtures.ts';
import { signInWithPassword } from './password-sign-in.ts';
import { signUp } from './sign-up.ts';
import { verifyEmailCode } from './email-verification.ts';
import { hashPassword } from './password.ts';
import { checkPasswordResetToken, requestPasswordReset, resetPassword } from './password-reset.ts';
import { createSession, validateSessionToken } from './session.ts';

const PASSWORD = 'tangerine lighthouse gravel orbit';

beforeEach(async () => {
	await emptyDatabase();
	for (const t of [table.outbox, table.rateLimits, table.authTokens, table.auditLog])
		await db.delete(t);
});

async function lastEmailTo(address: string) {
	const rows = await db.select().from(table.outbox).where(eq(table.outbox.recipient, address));
	return rows.at(-1)!;
}

const codeIn = (text: string) => /\b(\d{8})\b/.exec(text)![1];

async function verifiedMember(email = 'amara@example.org') {
	const [user] = await db
		.insert(table.users)
		.values({
			email,
			name: 'Amara Okafor',
			passwordHash: await hashPassword(PASSWORD),
			emailVerifiedAt: new Date()
		})
		.returning();
	return user;
}

describe('creating an account', () => {
	it('sends an 8-digit code and verifies the address with it', async () => {
		const result = await signUp({
			name: 'Amara Okafor',
			email: ' Amara@Example.org ',
			password: PASSWORD
		});
		expect(result.ok).toBe(true);
		const email = await lastEmailTo('amara@example.org');
		expect(email.template).toBe('verification-code');
		const verified = await verifyEmailCode(
			result.ok ? result.verificationId : '',
			codeIn(email.textBody)
		);
		expect(verified).toMatchObject({ ok: true, email: 'amara@example.org' });
	});

	it('says the same to a stranger whether or not the address already has an account', async () => {
		await verifiedMember();
		const again = await signUp({
			name: 'Someone Else',
			email: 'amara@example.org',
			password: PASSWORD
		});
		expect(again.ok).toBe(true);
		// The owner is told instead, and no code that could take over the account is sent.
		const email = await lastEmailTo('amara@example.org');
		expect(email.template).toBe('account-exists');
		const users = await db.select().from(table.users);
		expect(users).toHaveLength(1);
		expect(users[0].name).toBe('Amara Okafor');
	});

	it('refuses a wrong or expired code with a reason', async () => {
		const now = new Date('2026-11-22T10:00:00Z');
		const result = await signUp(
			{ name: 'Daniel Hughes', email: 'dan@example.org', password: PASSWORD },
			now
		);
		if (!result.ok) throw new Error('registration failed');
		const code = codeIn((await lastEmailTo('dan@example.org')).textBody);
		const wrong = code === '00000000' ? '11111111' : '00000000';
		expect(await verifyEmailCode(result.verificationId, wrong, now)).toEqual({
			ok: false,
			reason: 'wrong'
		});
		const late = new Date(now.getTime() + 16 * 60_000);
		expect(await verifyEmailCode(result.verificationId, code, late)).toEqual({
			ok: false,
			reason: 'expired'
		});
	});

	it('explains each bad field', async () => {
		const result = await signUp({ name: '', email: 'not-an-email', password: 'password' });
		expect(result).toEqual({
			ok: false,
			errors: {
				name: 'Enter your full name',
				email: 'Enter an email address in the correct format, like name@example.com',
				password: expect.stringMatching(/^Choose a password that is harder to guess/)
			}
		});
	});
});

describe('signing in', () => {
	it('gives one message for an unknown address and a wrong password', async () => {
		await verifiedMember();
		const unknown = await signInWithPassword({
			email: 'nobody@example.org',
			password: PASSWORD,
			ip: '192.0.2.1'
		});
		const wrong = await signInWithPassword({
			email: 'amara@example.org',
			password: 'wrong password here',
			ip: '192.0.2.1'
		});
		expect(unknown).toEqual({ ok: false, error: 'Enter a correct email address and password' });
		expect(wrong).toEqual(unknown);
		const right = await signInWithPassword({
			email: 'AMARA@example.org',
			password: PASSWORD,
			ip: '192.0.2.1'
		});
		expect(right.ok).toBe(true);
	});

	it('blocks an address after 10 failures in a row, even with the right password', async () => {
		await verifiedMember();
		const now = new Date();
		for (let i = 0; i < 10; i++) {
			await signInWithPassword(
				{ email: `stranger${i}@example.org`, password: 'guess', ip: '192.0.2.9' },
				now
			);
		}
		const blocked = await signInWithPassword(
			{ email: 'amara@example.org', password: PASSWORD, ip: '192.0.2.9' },
			now
		);
		expect(blocked).toMatchObject({
			ok: false,
			error: expect.stringMatching(/^Too many failed sign-in attempts/)
		});
		const elsewhere = await signInWithPassword(
			{ email: 'amara@example.org', password: PASSWORD, ip: '192.0.2.10' },
			now
		);
		expect(elsewhere.ok).toBe(true);
	});
});

describe('resetting a password', () => {
	it('works once, ends every session, and refuses the link afterwards', async () => {
		const user = await verifiedMember();
		const { token: sessionToken } = await createSession(user.id);
		await requestPasswordReset('amara@example.org');
		const link = /reset-password\?token=(\S+)/.exec(
			(await lastEmailTo('amara@example.org')).textBody
		)![1];
		expect((await checkPasswordResetToken(link)).ok).toBe(true);

		expect(await resetPassword(link, 'violet harbour compass meadow')).toEqual({
			ok: true,
			userId: user.id
		});
		expect(await validateSessionToken(sessionToken)).toBeNull();
		expect(await resetPassword(link, 'another fresh passphrase here')).toEqual({
			ok: false,
			linkProblem: { ok: false, reason: 'used' }
		});
		expect(
			(
				await signInWithPassword({
					email: 'amara@example.org',
					password: 'violet harbour compass meadow',
					ip: '192.0.2.3'
				})
			).ok
		).toBe(true);
	});

	it('refuses an expired link and a forged one', async () => {
		const now = new Date('2026-11-22T10:00:00Z');
		await verifiedMember();
		await requestPasswordReset('amara@example.org', now);
		const link = /reset-password\?token=(\S+)/.exec(
			(await lastEmailTo('amara@example.org')).textBody
		)![1];
		const later = new Date(now.getTime() + 61 * 60_000);
		expect(await checkPasswordResetToken(link, later)).toEqual({ ok: false, reason: 'expired' });
		const forged = `${link.split('.')[0]}.${'x'.repeat(32)}`;
		expect(await checkPasswordResetToken(forged, now)).toEqual({ ok: false, reason: 'invalid' });
	});

	it('sends no link, and says nothing different, for an unknown address', async () => {
		expect(await requestPasswordReset('nobody@example.org')).toEqual({ ok: true });
		const sent = await db.select().from(table.outbox);
		expect(sent.map((row) => row.template)).toEqual(['password-reset-no-account']);
		expect(sent[0].textBody).not.toContain('/reset-password');
		expect(await db.select().from(table.authTokens)).toEqual([]);
	});
});
