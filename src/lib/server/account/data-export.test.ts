import { beforeEach, describe, expect, it } from 'vitest';
import { createSession } from '../auth/session.ts';
import { db, table } from '../db/index.ts';
import { createBooking, createEvent, createMember, emptyDatabase } from '../testing/fixtures.ts';
import { exportAccountData } from './data-export.ts';

const now = new Date('2026-11-22T10:00:00Z');

beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.membersRegister);
	await db.delete(table.auditLog);
	await db.delete(table.outbox);
});

describe('downloading my data', () => {
	it('holds everything about the account, and none of its secrets', async () => {
		const user = await createMember({
			name: 'Amara Okafor',
			email: 'amara@example.org',
			passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$secret-hash',
			membershipNumber: 'B100201',
			memberVerifiedAt: now,
			totpSecret: 'JBSWY3DPEHPK3PXP',
			calendarFeedToken: 'feed-token-secret'
		});
		const other = await createMember({ email: 'someone.else@example.org' });
		await db.insert(table.membersRegister).values({
			membershipNumber: 'B100201',
			surname: 'Okafor',
			postcode: 'B15 2TT',
			joinedOn: '2015-03-01',
			subsPaidTo: '2026-12-31',
			importedAt: now
		});
		await createSession(user.id, { now });
		const event = await createEvent({ title: 'Equal pay: know your rights' });
		await createBooking(event, {
			userId: user.id,
			answers: { accessNeeds: ['step-free'], dietary: 'Vegetarian' }
		});
		await createBooking(event, { userId: other.id, answers: { dietary: 'Halal' } });
		await db.insert(table.auditLog).values([
			{ actorUserId: user.id, action: 'login', createdAt: now },
			{ actorUserId: other.id, action: 'login', createdAt: now }
		]);
		await db.insert(table.outbox).values({
			idempotencyKey: 'k1',
			recipient: 'amara@example.org',
			template: 'verification-code',
			subject: '12345678 is your Birmingham City Branch verification code',
			textBody: 'Your code is 12345678',
			htmlBody: '<p>12345678</p>',
			nextAttemptAt: now,
			createdAt: now
		});

		const data = await exportAccountData(user.id, now);
		expect(data).toMatchObject({
			account: {
				name: 'Amara Okafor',
				email: 'amara@example.org',
				membershipNumber: 'B100201',
				calendarFeedSet: true
			},
			membershipList: { surname: 'Okafor', postcode: 'B15 2TT', subsPaidTo: '2026-12-31' },
			sessions: [{ createdAt: now, lastUsedAt: now }],
			bookings: [
				{
					event: 'Equal pay: know your rights',
					status: 'confirmed',
					answers: { accessNeeds: ['step-free'], dietary: 'Vegetarian' }
				}
			],
			emails: [{ template: 'verification-code', status: 'pending' }],
			activity: [{ action: 'login', by: 'you' }]
		});
		const json = JSON.stringify(data);
		for (const secret of [
			'argon2id',
			'JBSWY3DPEHPK3PXP',
			'feed-token-secret',
			'12345678',
			'Halal',
			'someone.else'
		]) {
			expect(json).not.toContain(secret);
		}
		expect(json).not.toMatch(/secretHash|passwordHash|totpSecret/);
	});

	it('is empty for an account that does not exist', async () => {
		expect(await exportAccountData(999_999, now)).toBeNull();
	});
});
