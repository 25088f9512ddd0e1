import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { queueEmail } from './outbox.ts';
import { isOutboxStatus, retryUndeliveredEmail, reviewOutbox } from './outbox-review.ts';

async function queued(key: string, status: 'pending' | 'sent' | 'failed' | 'dead' = 'pending') {
	await queueEmail(db, {
		idempotencyKey: key,
		to: { email: `${key}@example.org` },
		template: 'test',
		subject: `Message ${key}`,
		text: 'Hello',
		html: '<p>Hello</p>'
	});
	const [row] = await db
		.update(table.outbox)
		.set({ status, lastError: status === 'failed' ? '550 mailbox unavailable' : null })
		.where(eq(table.outbox.idempotencyKey, key))
		.returning();
	return row;
}

beforeEach(async () => {
	await db.delete(table.outbox);
	await db.delete(table.auditLog);
});

describe('an admin reviewing the outbox', () => {
	it('sees counts by status and the messages of the status they choose', async () => {
		await queued('a');
		await queued('b', 'failed');
		await queued('c', 'failed');
		await queued('d', 'sent');
		const all = await reviewOutbox();
		expect(all.health.counts).toMatchObject({ pending: 1, failed: 2, sent: 1, dead: 0 });
		expect(all.messages).toHaveLength(4);
		const failed = await reviewOutbox('failed');
		expect(failed.messages.map((m) => [m.recipient, m.lastError])).toEqual([
			['c@example.org', '550 mailbox unavailable'],
			['b@example.org', '550 mailbox unavailable']
		]);
		expect(isOutboxStatus('failed')).toBe(true);
		expect(isOutboxStatus('lost')).toBe(false);
	});

	it('puts a failed message back in the queue and records who asked', async () => {
		const message = await queued('retry-me', 'dead');
		expect(await retryUndeliveredEmail({ actorUserId: 7, outboxId: message.id })).toEqual({
			ok: true
		});
		const [row] = await db.select().from(table.outbox).where(eq(table.outbox.id, message.id));
		expect(row.status).toBe('pending');
		const audit = await db.select().from(table.auditLog);
		expect(audit).toMatchObject([
			{
				actorUserId: 7,
				action: 'email-retried',
				subjectType: 'outbox',
				subjectId: String(message.id)
			}
		]);
	});

	it('will not resend a message that was sent', async () => {
		const message = await queued('already-sent', 'sent');
		expect(await retryUndeliveredEmail({ actorUserId: 7, outboxId: message.id })).toMatchObject({
			ok: false,
			status: 409
		});
		expect(await db.select().from(table.auditLog)).toEqual([]);
	});
});
