import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeResend } from '../../../../tests/fakes/fake-resend.ts';
import { db, table } from '../db/index.ts';
import { createEvent, emptyDatabase } from '../testing/fixtures.ts';
import { claimDueMessages, deliverMessage, type DeliverySettings } from './delivery.ts';
import type { OutgoingEmail } from './message.ts';
import { queueEmail, readOutboxBacklog, readOutboxHealth, retryOutboxMessage } from './outbox.ts';
import { createDevTransport } from './transports/dev.ts';
import { createResendTransport } from './transports/resend.ts';

const settings: DeliverySettings = {
	from: { email: 'events@branch.example', name: 'Branch' },
	retryBaseMs: 1000,
	retryMaxMs: 60_000,
	giveUpAfterMs: 60_000,
	leaseMs: 5000,
	sendTimeoutMs: 1000
};

function email(key: string, to = 'member@example.org'): OutgoingEmail {
	return {
		idempotencyKey: key,
		to: { email: to, name: 'Member' },
		template: 'test',
		subject: `Subject ${key}`,
		text: 'Hello',
		html: '<p>Hello</p>'
	};
}

async function row(key: string) {
	const [found] = await db.select().from(table.outbox).where(eq(table.outbox.idempotencyKey, key));
	return found;
}

const fake = new FakeResend();
beforeAll(async () => {
	await fake.start();
	process.env.RESEND_BASE_URL = fake.url;
});
afterAll(() => fake.stop());
beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.outbox);
	await db.delete(table.emailSuppressions);
	await db.delete(table.devMailbox);
});

describe('the transactional outbox', () => {
	it('commits an email together with the change that caused it', async () => {
		const event = await createEvent({ title: 'Before' });
		await db.batch([
			db.update(table.events).set({ title: 'After' }).where(eq(table.events.id, event.id)),
			queueEmail(db, email('event-changed/1'))
		]);
		expect((await row('event-changed/1')).status).toBe('pending');
	});

	it('queues nothing when the change rolls back', async () => {
		const event = await createEvent();
		await expect(
			db.batch([
				queueEmail(db, email('event-changed/2')),
				// The second statement breaks a constraint, so the whole batch rolls back.
				db.insert(table.events).values({ ...event, id: event.id })
			])
		).rejects.toThrow();
		expect(await row('event-changed/2')).toBeUndefined();
	});

	it('ignores a second queueing of the same idempotency key', async () => {
		await queueEmail(db, email('same-key'));
		await queueEmail(db, { ...email('same-key'), subject: 'Different' });
		const rows = await db.select().from(table.outbox);
		expect(rows).toHaveLength(1);
		expect(rows[0].subject).toBe('Subject same-key');
	});
});

describe('delivering', () => {
	const transport = () => createResendTransport('re_test');

	it('claims a message once: a second claim finds nothing until the lease expires', async () => {
		const now = new Date();
		await queueEmail(db, email('claim-once'), now);
		expect(await claimDueMessages(10, 5000, now)).toHaveLength(1);
		expect(await claimDueMessages(10, 5000, now)).toHaveLength(0);
		const afterLease = new Date(now.getTime() + 5001);
		const reclaimed = await claimDueMessages(10, 5000, afterLease);
		expect(reclaimed.map((m) => [m.idempotencyKey, m.attempts])).toEqual([['claim-once', 2]]);
	});

	it('marks an accepted message sent with the provider id', async () => {
		await queueEmail(db, email('accepted'));
		const [message] = await claimDueMessages(10, 5000);
		expect(await deliverMessage(message, transport(), settings)).toEqual({ state: 'sent' });
		const sent = await row('accepted');
		expect(sent.status).toBe('sent');
		expect(sent.providerId).toMatch(/^fake-/);
		expect(fake.accepted.get('accepted')).toBe(1);
	});

	it('waits at least as long as retry-after before trying a rate-limited message again', async () => {
		const now = new Date();
		await queueEmail(db, email('limited'), now);
		const [message] = await claimDueMessages(10, 5000, now);
		fake.answerNext({ status: 429, retryAfterSeconds: 30 });
		expect(await deliverMessage(message, transport(), settings, () => now)).toEqual({
			state: 'retry',
			retryAfterMs: 30_000,
			pauseUntil: now.getTime() + 30_000
		});
		const waiting = await row('limited');
		expect(waiting.status).toBe('pending');
		expect(waiting.nextAttemptAt.getTime() - now.getTime()).toBeGreaterThanOrEqual(30_000);
		expect(waiting.lastError).toContain('429');
		expect(await claimDueMessages(10, 5000, new Date(now.getTime() + 29_000))).toHaveLength(0);
	});

	it('fails a message the provider will never accept, with the reason', async () => {
		await queueEmail(db, email('invalid'));
		const [message] = await claimDueMessages(10, 5000);
		fake.answerNext({
			status: 422,
			body: { statusCode: 422, name: 'validation_error', message: 'Invalid `to`' }
		});
		expect(await deliverMessage(message, transport(), settings)).toEqual({ state: 'failed' });
		expect(await row('invalid')).toMatchObject({
			status: 'failed',
			lastError: '422 validation_error: Invalid `to`'
		});
	});

	it('gives up and marks the message dead once retrying would pass the give-up time', async () => {
		const queuedAt = new Date();
		await queueEmail(db, email('hopeless'), queuedAt);
		const [message] = await claimDueMessages(10, 5000, queuedAt);
		fake.answerNext({ status: 503 });
		const late = () => new Date(queuedAt.getTime() + 59_999);
		expect(await deliverMessage(message, transport(), settings, late)).toEqual({ state: 'dead' });
		expect((await row('hopeless')).status).toBe('dead');
		expect(await retryOutboxMessage(message.id)).toBe(true);
		expect((await row('hopeless')).status).toBe('pending');
	});

	it('does not mail a suppressed address', async () => {
		await db.insert(table.emailSuppressions).values({
			email: 'bounced@example.org',
			reason: 'bounced',
			createdAt: new Date()
		});
		await queueEmail(db, email('to-bounced', 'Bounced@Example.org'));
		const before = fake.requests.length;
		const [message] = await claimDueMessages(10, 5000);
		expect(await deliverMessage(message, transport(), settings)).toEqual({ state: 'suppressed' });
		expect(fake.requests.length).toBe(before);
	});

	it('gives a message back unsent when less of its lease is left than a send may take', async () => {
		await queueEmail(db, email('short-lease'));
		const [message] = await claimDueMessages(10, settings.sendTimeoutMs - 200);
		const before = fake.requests.length;
		expect(await deliverMessage(message, transport(), settings)).toEqual({ state: 'released' });
		expect(fake.requests.length).toBe(before);
		expect((await row('short-lease')).status).toBe('pending');
	});

	it('counts a send slower than the send timeout as a retry, before its lease runs out', async () => {
		await queueEmail(db, email('slow-provider'));
		const [message] = await claimDueMessages(10, settings.leaseMs);
		fake.delayAnswers(settings.leaseMs + 1000);
		const started = Date.now();
		const slow = createResendTransport('re_test', settings.sendTimeoutMs);
		const result = await deliverMessage(message, slow, settings);
		fake.delayAnswers(0);
		expect(result).toEqual({ state: 'retry' });
		expect(Date.now() - started).toBeLessThan(settings.leaseMs);
		expect(await row('slow-provider')).toMatchObject({
			status: 'pending',
			lastError: `no answer within ${settings.sendTimeoutMs} ms`
		});
	});

	it('lets only the latest claim settle a message', async () => {
		const now = new Date();
		await queueEmail(db, email('slow-sender'), now);
		const [stale] = await claimDueMessages(10, 5000, now);
		const [fresh] = await claimDueMessages(10, 5000, new Date(now.getTime() + 6000));
		await deliverMessage(fresh, transport(), settings);
		fake.answerNext({ status: 500 });
		await deliverMessage(stale, transport(), settings);
		expect((await row('slow-sender')).status).toBe('sent');
	});
});

describe('outbox health', () => {
	it('counts messages by status and the age of the oldest one waiting', async () => {
		const now = new Date();
		await queueEmail(db, email('old'), new Date(now.getTime() - 90_000));
		await queueEmail(db, email('new'), now);
		await db.run(sql`update outbox set status = 'sent' where idempotency_key = 'new'`);
		const health = await readOutboxHealth(db, now);
		expect(health.counts.pending).toBe(1);
		expect(health.counts.sent).toBe(1);
		expect(health.backlog).toBe(1);
		expect(health.oldestPendingSeconds).toBe(90);
		expect(await readOutboxBacklog(db, now)).toEqual({
			counts: { pending: 1, sending: 0, failed: 0, dead: 0, suppressed: 0 },
			backlog: 1,
			undeliverable: 0,
			oldestPendingSeconds: 90
		});
	});

	it('tells /healthz how many failed without saying who they were for', async () => {
		await queueEmail(db, email('refused', 'private.person@example.org'));
		await db.run(
			sql`update outbox set status = 'failed', last_error = '422 private.person@example.org'`
		);
		const backlog = await readOutboxBacklog(db);
		expect(backlog.counts.failed).toBe(1);
		expect(backlog.undeliverable).toBe(1);
		expect(JSON.stringify(backlog)).not.toContain('@');
	});
});

describe('the dev mailbox', () => {
	it('keeps a message once, however often a worker hands it over', async () => {
		await queueEmail(db, email('handed-twice'));
		const dev = createDevTransport(db);
		const envelope = {
			idempotencyKey: 'handed-twice',
			from: settings.from,
			to: { email: 'member@example.org', name: 'Member' },
			subject: 'Subject handed-twice',
			text: 'Hello',
			html: '<p>Hello</p>'
		};
		const first = await dev.send(envelope);
		const second = await dev.send(envelope);
		expect(second).toEqual(first);
		const kept = await db
			.select()
			.from(table.devMailbox)
			.where(eq(table.devMailbox.idempotencyKey, 'handed-twice'));
		expect(kept).toHaveLength(1);
	});
});
