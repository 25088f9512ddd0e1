import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password.ts';
import { verifyEmailCode } from '../auth/email-verification.ts';
import { db, table } from '../db/index.ts';
import { createMember, emptyDatabase } from '../testing/fixtures.ts';
import { requestEmailChange } from './change-email.ts';

const now = new Date('2026-11-22T10:00:00Z');
const PASSWORD = 'copper kettle winter lantern';
let passwordHash: string;

beforeAll(async () => {
	passwordHash = await hashPassword(PASSWORD);
});

beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.rateLimits);
	await db.delete(table.outbox);
});

async function codeSentTo(email: string) {
	const [message] = await db.select().from(table.outbox).where(eq(table.outbox.recipient, email));
	return /(\d{8}) is your/.exec(message.subject)![1];
}

describe('changing the email address', () => {
	it('sends a code to the new address and changes it only when that code is entered', async () => {
		const user = await createMember({
			email: 'old@example.org',
			emailVerifiedAt: now,
			passwordHash
		});
		const request = await requestEmailChange(
			user,
			{ newEmail: ' New@Example.org ', password: PASSWORD },
			now
		);
		expect(request).toMatchObject({ ok: true, email: 'new@example.org' });
		const [unchanged] = await db.select().from(table.users).where(eq(table.users.id, user.id));
		expect(unchanged.email).toBe('old@example.org');

		const verificationId = request.ok ? request.verificationId : '';
		const code = await codeSentTo('new@example.org');
		expect(await verifyEmailCode(verificationId, code, now)).toMatchObject({ ok: true });
		const [changed] = await db.select().from(table.users).where(eq(table.users.id, user.id));
		expect(changed.email).toBe('new@example.org');
	});

	it('checks the new address and the password, saying what is wrong with each', async () => {
		const user = await createMember({ email: 'old@example.org', passwordHash });
		expect(
			await requestEmailChange(user, { newEmail: 'not an address', password: '' }, now)
		).toEqual({
			ok: false,
			status: 400,
			errors: {
				newEmail: 'Enter an email address in the correct format, like name@example.com',
				emailPassword: 'Enter your password'
			}
		});
		expect(
			await requestEmailChange(user, { newEmail: 'OLD@example.org', password: PASSWORD }, now)
		).toMatchObject({ errors: { newEmail: 'That is already your email address' } });
		expect(
			await requestEmailChange(user, { newEmail: 'new@example.org', password: 'wrong' }, now)
		).toEqual({ ok: false, status: 400, errors: { emailPassword: 'Your password is not right' } });
		expect(await db.select().from(table.outbox)).toEqual([]);
	});

	it('sends at most 3 codes to one address in 15 minutes', async () => {
		const user = await createMember({ email: 'old@example.org', passwordHash });
		for (let i = 0; i < 3; i++) {
			const sent = await requestEmailChange(
				user,
				{ newEmail: 'new@example.org', password: PASSWORD },
				now
			);
			expect(sent.ok).toBe(true);
		}
		const fourth = await requestEmailChange(
			user,
			{ newEmail: 'new@example.org', password: PASSWORD },
			now
		);
		expect(fourth).toMatchObject({ ok: false, status: 429 });
	});

	it('does not say whether another account uses the new address', async () => {
		const user = await createMember({ email: 'old@example.org', passwordHash });
		await createMember({ email: 'taken@example.org' });
		const request = await requestEmailChange(
			user,
			{ newEmail: 'taken@example.org', password: PASSWORD },
			now
		);
		expect(request.ok).toBe(true);
	});
});
