// Every email the branch sends (the transactional outbox), addresses that must not be mailed
// again, and the dev transport's mailbox.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const outboxStatuses = [
	'pending',
	'sending',
	'sent',
	'failed',
	'dead',
	'suppressed'
] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];
export const calendarMethods = ['REQUEST', 'CANCEL'] as const;
export type CalendarMethod = (typeof calendarMethods)[number];

/** The rendered message: what the outbox sends and the dev mailbox keeps a copy of. */
const messageColumns = () => ({
	template: text('template').notNull(),
	subject: text('subject').notNull(),
	textBody: text('text_body').notNull(),
	htmlBody: text('html_body').notNull(),
	calendarMethod: text('calendar_method', { enum: calendarMethods }),
	calendarIcs: text('calendar_ics')
});

export const outbox = sqliteTable(
	'outbox',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** Unique per message, e.g. booking-confirmed/42/seq-0; also the provider's Idempotency-Key. */
		idempotencyKey: text('idempotency_key').notNull().unique(),
		recipient: text('recipient').notNull(),
		recipientName: text('recipient_name'),
		...messageColumns(),
		status: text('status', { enum: outboxStatuses }).notNull().default('pending'),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
		leaseExpiresAt: integer('lease_expires_at', { mode: 'timestamp_ms' }),
		lastError: text('last_error'),
		providerId: text('provider_id'),
		/** What the provider later reported: delivered, bounced or complained. */
		deliveryStatus: text('delivery_status'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('outbox_due_idx').on(t.status, t.nextAttemptAt),
		index('outbox_provider_idx').on(t.providerId),
		index('outbox_recipient_idx').on(t.recipient)
	]
);

export const emailSuppressions = sqliteTable('email_suppressions', {
	email: text('email').primaryKey(),
	reason: text('reason', { enum: ['bounced', 'complained'] }).notNull(),
	detail: text('detail'),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
});

export const devMailbox = sqliteTable(
	'dev_mailbox',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		outboxId: integer('outbox_id').notNull(),
		idempotencyKey: text('idempotency_key').notNull(),
		recipient: text('recipient').notNull(),
		...messageColumns(),
		raw: text('raw').notNull(),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('dev_mailbox_recipient_idx').on(t.recipient),
		// One stored copy per message, however often a worker hands it over.
		uniqueIndex('dev_mailbox_idempotency_key_unique').on(t.idempotencyKey)
	]
);

export type OutboxMessage = typeof outbox.$inferSelect;
export type DevMail = typeof devMailbox.$inferSelect;
