// The transactional outbox: the only way the rest of the code sends mail. A domain module puts
// `queueEmail(...)` in the same batch or write transaction as the state change that causes it,
// so a change and its emails commit together or not at all.
import { and, asc, count, desc, eq, inArray, min, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { db as defaultDb, table } from '../db/index.ts';
import type { OutboxStatus } from '../db/schema/index.ts';
import type { OutgoingEmail } from './message.ts';

type Writer = Pick<Database, 'run'>;

/** The outbox row for one email; a second queueing of the same idempotency key is ignored. */
export function queueEmail(writer: Writer, email: OutgoingEmail, now = new Date()) {
	return queueTaggedEmailsIf(writer, [{ email, tag: '', state: '', now }], () => sql`1`);
}

/**
 * The outbox row for one email, written only if `condition` holds when the statement runs:
 * in a batch after a guarded state change, the email goes out only if the change happened.
 * `fill` replaces a placeholder in subject and bodies with a value only SQL knows yet.
 */
export function queueEmailIf(
	writer: Writer,
	email: OutgoingEmail,
	condition: SQL,
	options: { now?: Date; fill?: { placeholder: string; value: SQL } } = {}
) {
	const { fill } = options;
	return queueTaggedEmailsIf(
		writer,
		[{ email, tag: '', state: '', now: options.now ?? new Date() }],
		() => condition,
		fill && { placeholder: fill.placeholder, value: () => fill.value }
	);
}

/** One email of a batch, with the tag and state its guard condition checks. */
export type TaggedEmail = { email: OutgoingEmail; tag: string; state: string; now: Date };
type TaggedRow = { tag: SQL; state: SQL };

/**
 * Many outbox rows in one statement, each written only if `condition` holds for its own tag and
 * state when the statement runs: a batch that changes many rows queues all their emails at once,
 * each guarded by the change it belongs to. `fill` works as in `queueEmailIf`, per row. Every
 * insert into the outbox is this statement, so its column list is written once.
 */
export function queueTaggedEmailsIf(
	writer: Writer,
	entries: TaggedEmail[],
	condition: (row: TaggedRow) => SQL,
	fill?: { placeholder: string; value: (row: TaggedRow) => SQL }
) {
	const row = { tag: sql.raw('m.tag'), state: sql.raw('m.state') };
	const filled = (column: string) =>
		fill
			? sql`replace(${sql.raw(column)}, ${fill.placeholder}, ${fill.value(row)})`
			: sql.raw(column);
	const values = entries.map(
		({ email, tag, state, now }) =>
			sql`(${tag}, ${state}, ${email.idempotencyKey}, ${email.to.email.toLowerCase()}, ${email.to.name ?? null},
			 ${email.template}, ${email.subject}, ${email.text}, ${email.html},
			 ${email.calendar?.method ?? null}, ${email.calendar?.ics ?? null}, ${now.getTime()})`
	);
	return writer.run(sql`with m (tag, state, idempotency_key, recipient, recipient_name, template,
			subject, text_body, html_body, calendar_method, calendar_ics, queued_at)
		as (values ${sql.join(values, sql`, `)})
		insert into outbox
		(idempotency_key, recipient, recipient_name, template, subject, text_body, html_body,
		 calendar_method, calendar_ics, status, attempts, next_attempt_at, created_at)
		select m.idempotency_key, m.recipient, m.recipient_name, m.template, ${filled('m.subject')},
		 ${filled('m.text_body')}, ${filled('m.html_body')}, m.calendar_method, m.calendar_ics,
		 'pending', 0, m.queued_at, m.queued_at
		from m where ${condition(row)}
		on conflict (idempotency_key) do nothing`);
}

export type OutboxHealth = {
	counts: Record<OutboxStatus, number>;
	backlog: number;
	oldestPendingSeconds: number | null;
	recentFailures: { id: number; recipient: string; template: string; lastError: string | null }[];
};

export async function readOutboxHealth(db = defaultDb, now = new Date()): Promise<OutboxHealth> {
	const [byStatus, [{ oldest }], recentFailures] = await db.batch([
		db
			.select({ status: table.outbox.status, n: count() })
			.from(table.outbox)
			.groupBy(table.outbox.status),
		db
			.select({ oldest: min(table.outbox.createdAt) })
			.from(table.outbox)
			.where(inArray(table.outbox.status, ['pending', 'sending'])),
		db
			.select({
				id: table.outbox.id,
				recipient: table.outbox.recipient,
				template: table.outbox.template,
				lastError: table.outbox.lastError
			})
			.from(table.outbox)
			.where(inArray(table.outbox.status, ['failed', 'dead']))
			.orderBy(desc(table.outbox.id))
			.limit(10)
	]);
	const counts = { pending: 0, sending: 0, sent: 0, failed: 0, dead: 0, suppressed: 0 };
	for (const row of byStatus) counts[row.status] = row.n;
	return {
		counts,
		backlog: counts.pending + counts.sending,
		oldestPendingSeconds: oldest ? Math.round((now.getTime() - oldest.getTime()) / 1000) : null,
		recentFailures
	};
}

/** The statuses /healthz counts: every one but `sent`, which only grows and needs no watching. */
const WATCHED_STATUSES = ['pending', 'sending', 'failed', 'dead', 'suppressed'] as const;

/**
 * The cheap part of the health picture, for /healthz: counts by status and the age of the oldest
 * unsent message, from index range scans that skip sent mail. No addresses: who a failure was
 * for is on /admin/outbox, behind the admin guard.
 */
export async function readOutboxBacklog(db = defaultDb, now = new Date()) {
	const rows = await db
		.select({ status: table.outbox.status, n: count(), oldest: min(table.outbox.createdAt) })
		.from(table.outbox)
		.where(inArray(table.outbox.status, [...WATCHED_STATUSES]))
		.groupBy(table.outbox.status);
	const counts = { pending: 0, sending: 0, failed: 0, dead: 0, suppressed: 0 };
	let oldest: number | null = null;
	for (const row of rows) {
		if (row.status === 'sent') continue;
		counts[row.status] = row.n;
		if ((row.status === 'pending' || row.status === 'sending') && row.oldest) {
			oldest = Math.min(oldest ?? Infinity, row.oldest.getTime());
		}
	}
	return {
		counts,
		backlog: counts.pending + counts.sending,
		undeliverable: counts.failed + counts.dead,
		oldestPendingSeconds: oldest === null ? null : Math.round((now.getTime() - oldest) / 1000)
	};
}

/** Puts a failed or dead message back in the queue (an admin's retry button). */
export async function retryOutboxMessage(id: number, db = defaultDb, now = new Date()) {
	const updated = await db
		.update(table.outbox)
		.set({ status: 'pending', nextAttemptAt: now, leaseExpiresAt: null, createdAt: now })
		.where(and(eq(table.outbox.id, id), inArray(table.outbox.status, ['failed', 'dead'])))
		.returning({ id: table.outbox.id });
	return updated.length === 1;
}

export async function listOutboxMessages(
	options: { status?: OutboxStatus; limit?: number } = {},
	db = defaultDb
) {
	return db
		.select({
			id: table.outbox.id,
			recipient: table.outbox.recipient,
			template: table.outbox.template,
			subject: table.outbox.subject,
			status: table.outbox.status,
			attempts: table.outbox.attempts,
			lastError: table.outbox.lastError,
			deliveryStatus: table.outbox.deliveryStatus,
			createdAt: table.outbox.createdAt,
			sentAt: table.outbox.sentAt
		})
		.from(table.outbox)
		.where(options.status ? eq(table.outbox.status, options.status) : undefined)
		.orderBy(desc(table.outbox.id))
		.limit(options.limit ?? 100);
}

export async function listSuppressedAddresses(db = defaultDb) {
	return db.select().from(table.emailSuppressions).orderBy(asc(table.emailSuppressions.email));
}
