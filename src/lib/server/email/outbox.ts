// The transactional outbox: the only way the rest of the code sends mail. A domain module puts
// `queueEmail(...)` in the same batch or write transaction as the state change that causes it,
// so a change and its emails commit together or not at all.
import { and, asc, count, desc, eq, inArray, min, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { db as defaultDb, table } from '../db/index.ts';
import type { OutboxStatus } from '../db/schema/index.ts';
import type { OutgoingEmail } from './message.ts';

type Writer = Pick<Database, 'insert'>;

/** The outbox row for one email; a second queueing of the same idempotency key is ignored. */
export function queueEmail(writer: Writer, email: OutgoingEmail, now = new Date()) {
	return writer
		.insert(table.outbox)
		.values({
			idempotencyKey: email.idempotencyKey,
			recipient: email.to.email.toLowerCase(),
			recipientName: email.to.name ?? null,
			template: email.template,
			subject: email.subject,
			textBody: email.text,
			htmlBody: email.html,
			calendarMethod: email.calendar?.method ?? null,
			calendarIcs: email.calendar?.ics ?? null,
			nextAttemptAt: now,
			createdAt: now
		})
		.onConflictDoNothing({ target: table.outbox.idempotencyKey });
}

/**
 * The outbox row for one email, written only if `condition` holds when the statement runs:
 * in a batch after a guarded state change, the email goes out only if the change happened.
 * `fill` replaces a placeholder in subject and bodies with a value only SQL knows yet.
 */
export function queueEmailIf(
	writer: Pick<Database, 'run'>,
	email: OutgoingEmail,
	condition: SQL,
	options: { now?: Date; fill?: { placeholder: string; value: SQL } } = {}
) {
	const now = (options.now ?? new Date()).getTime();
	const filled = (text: string) =>
		options.fill
			? sql`replace(${text}, ${options.fill.placeholder}, ${options.fill.value})`
			: sql`${text}`;
	return writer.run(sql`insert into outbox
		(idempotency_key, recipient, recipient_name, template, subject, text_body, html_body,
		 calendar_method, calendar_ics, status, attempts, next_attempt_at, created_at)
		select ${email.idempotencyKey}, ${email.to.email.toLowerCase()}, ${email.to.name ?? null},
		 ${email.template}, ${filled(email.subject)}, ${filled(email.text)}, ${filled(email.html)},
		 ${email.calendar?.method ?? null}, ${email.calendar?.ics ?? null}, 'pending', 0, ${now}, ${now}
		where ${condition}
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

/** The cheap part of the health picture, for /healthz: index range scans of unsent messages only. */
export async function readOutboxBacklog(db = defaultDb, now = new Date()) {
	const [row] = await db
		.select({
			backlog: sql<number>`sum(${table.outbox.status} in ('pending', 'sending'))`,
			undeliverable: sql<number>`sum(${table.outbox.status} in ('failed', 'dead'))`,
			oldest: sql<
				number | null
			>`min(case when ${table.outbox.status} in ('pending', 'sending') then ${table.outbox.createdAt} end)`
		})
		.from(table.outbox)
		.where(inArray(table.outbox.status, ['pending', 'sending', 'failed', 'dead']));
	return {
		backlog: Number(row?.backlog ?? 0),
		undeliverable: Number(row?.undeliverable ?? 0),
		oldestPendingSeconds:
			row?.oldest == null ? null : Math.round((now.getTime() - Number(row.oldest)) / 1000)
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
