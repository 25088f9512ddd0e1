import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { createMember, emptyDatabase } from '../testing/fixtures.ts';
import { createEmailVerificationRequest, verifyEmailCode } from './email-verification.ts';
import { requestPasswordReset } from './password-reset.ts';
import { createSession, validateSessionToken } from './session.ts';
import { submitVerificationCode } from './verify-email-flow.ts';

const now = new Date('2026-11-22T10:00:00Z');

beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.outbox);
	await db.delete(table.rateLimits);
	await db.delete(table.authTokens);
});

async function codeSentTo(email: string) {
	const [message] = await db.select().from(table.outbox).where(eq(table.outbox.recipient, email));
	return /(\d{8}) is your/.exec(message.subject)![1];
}

describe('verifying an email address', () => {
	it('changes the address to the new one only when its code is entered', async () => {
		const user = await createMember({ email: 'old@example.org', emailVerifiedAt: now });
		const requestId = await createEmailVerificationRequest(user, 'new@example.org', now);
		const [before] = await db.select().from(table.users).where(eq(table.users.id, user.id));
		expect(before.email).toBe('old@example.org');

		const result = await verifyEmailCode(requestId, await codeSentTo('new@example.org'), now);
		expect(result).toEqual({ ok: true, userId: user.id, email: 'new@example.org' });
		const [after] = await db.select().from(table.users).where(eq(table.users.id, user.id));
		expect(after.email).toBe('new@example.org');
	});

	it('ends every session and voids unused reset links once the new address is confirmed', async () => {
		const user = await createMember({ email: 'old@example.org', emailVerifiedAt: now });
		const { token: phone } = await createSession(user.id);
		const { token: laptop } = await createSession(user.id);
		await requestPasswordReset('old@example.org', now);
		const requestId = await createEmailVerificationRequest(user, 'new@example.org', now);
		expect(await validateSessionToken(phone)).not.toBeNull();

		await verifyEmailCode(requestId, await codeSentTo('new@example.org'), now);
		expect(await validateSessionToken(phone)).toBeNull();
		expect(await validateSessionToken(laptop)).toBeNull();
		const resets = await db
			.select()
			.from(table.authTokens)
			.where(
				and(eq(table.authTokens.userId, user.id), eq(table.authTokens.kind, 'password-reset'))
			);
		expect(resets).toEqual([]);
	});

	it('ends no session while the code is wrong', async () => {
		const user = await createMember({ email: 'old@example.org', emailVerifiedAt: now });
		const { token } = await createSession(user.id);
		const requestId = await createEmailVerificationRequest(user, 'new@example.org', now);
		expect(await verifyEmailCode(requestId, '00000000', now)).toMatchObject({ ok: false });
		expect(await validateSessionToken(token)).not.toBeNull();
	});

	it('says the address is taken, and changes nothing, when another account got it first', async () => {
		const user = await createMember({ email: 'old@example.org', emailVerifiedAt: now });
		const requestId = await createEmailVerificationRequest(user, 'wanted@example.org', now);
		await createMember({ email: 'wanted@example.org' });

		const code = await codeSentTo('wanted@example.org');
		const result = await verifyEmailCode(requestId, code, now);
		expect(result).toEqual({ ok: false, reason: 'taken' });
		const [after] = await db.select().from(table.users).where(eq(table.users.id, user.id));
		expect(after.email).toBe('old@example.org');
		const [request] = await db
			.select()
			.from(table.authTokens)
			.where(eq(table.authTokens.id, requestId));
		expect(request.usedAt).toBeNull();
	});

	it('tells the person on the verify-email page, with a 409 rather than a server error', async () => {
		const user = await createMember({ email: 'old@example.org', emailVerifiedAt: now });
		const requestId = await createEmailVerificationRequest(user, 'wanted@example.org', now);
		await createMember({ email: 'wanted@example.org' });
		const result = await submitVerificationCode(
			requestId,
			await codeSentTo('wanted@example.org'),
			now
		);
		expect(result).toEqual({
			ok: false,
			status: 409,
			error:
				'Another account now uses this email address, so it cannot be yours as well. Sign in to that account, or use a different address.'
		});
	});

	it('refuses a wrong code and an expired one', async () => {
		const user = await createMember({ email: 'old@example.org' });
		const requestId = await createEmailVerificationRequest(user, 'old@example.org', now);
		expect(await verifyEmailCode(requestId, '00000000', now)).toEqual({
			ok: false,
			reason: 'wrong'
		});
		const code = await codeSentTo('old@example.org');
		const tooLate = new Date(now.getTime() + 16 * 60_000);
		expect(await verifyEmailCode(requestId, code, tooLate)).toEqual({
			ok: false,
			reason: 'expired'
		});
	});

	it('uses a code once', async () => {
		const user = await createMember({ email: 'old@example.org' });
		const requestId = await createEmailVerificationRequest(user, 'old@example.org', now);
		const code = await codeSentTo('old@example.org');
		expect((await verifyEmailCode(requestId, code, now)).ok).toBe(true);
		expect(await verifyEmailCode(requestId, code, now)).toEqual({ ok: false, reason: 'wrong' });
	});
});
