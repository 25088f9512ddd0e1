// Delivers due outbox messages. Any number of processes may run this against one database:
// each claims messages with a lease in a single UPDATE … RETURNING, so a message is only ever
// in one sender's hands, and a sender that dies mid-send leaves a lease that expires and lets
// another process send it again under the same idempotency key.
import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { db as defaultDb, table } from '../db/index.ts';
import type { OutboxMessage } from '../db/schema/index.ts';
import type { Envelope } from './message.ts';
import { retryDelayMs, type SendOutcome } from './send-outcome.ts';

export type DeliveryResult = {
	state: 'sent' | 'failed' | 'retry' | 'dead' | 'suppressed' | 'released';
	/** The provider asked for a pause before any further request. */
	retryAfterMs?: number;
	/** When that pause ends: counted from the provider's answer, not from after the bookkeeping. */
	pauseUntil?: number;
};

export type Transport = { name: string; send(envelope: Envelope): Promise<SendOutcome> };

export type DeliverySettings = {
	from: { email: string; name: string };
	retryBaseMs: number;
	/** The longest wait between two tries of one message. */
	retryMaxMs: number;
	giveUpAfterMs: number;
	leaseMs: number;
	/** How long the transport lets one send take; shorter than the lease. */
	sendTimeoutMs: number;
};

export async function claimDueMessages(
	limit: number,
	leaseMs: number,
	now = new Date(),
	db = defaultDb
) {
	const due = db
		.select({ id: table.outbox.id })
		.from(table.outbox)
		.where(
			or(
				and(eq(table.outbox.status, 'pending'), lte(table.outbox.nextAttemptAt, now)),
				and(eq(table.outbox.status, 'sending'), lte(table.outbox.leaseExpiresAt, now))
			)
		)
		.orderBy(asc(table.outbox.nextAttemptAt), asc(table.outbox.id))
		.limit(limit);
	return db
		.update(table.outbox)
		.set({
			status: 'sending',
			leaseExpiresAt: new Date(now.getTime() + leaseMs),
			attempts: sql`${table.outbox.attempts} + 1`
		})
		.where(inArray(table.outbox.id, due))
		.returning();
}

function envelopeOf(message: OutboxMessage, from: Envelope['from']): Envelope {
	return {
		idempotencyKey: message.idempotencyKey,
		from,
		to: { email: message.recipient, name: message.recipientName },
		subject: message.subject,
		text: message.textBody,
		html: message.htmlBody,
		calendar:
			message.calendarMethod && message.calendarIcs
				? { method: message.calendarMethod, ics: message.calendarIcs }
				: undefined
	};
}

async function isSuppressed(email: string, db = defaultDb) {
	const [row] = await db
		.select({ email: table.emailSuppressions.email })
		.from(table.emailSuppressions)
		.where(eq(table.emailSuppressions.email, email))
		.limit(1);
	return Boolean(row);
}

/**
 * Records what happened to a claimed message. Each claim raises `attempts`, so matching on it
 * means only the latest holder of the claim may settle the message.
 */
async function settle(
	message: OutboxMessage,
	changes: Partial<typeof table.outbox.$inferInsert>,
	db = defaultDb
) {
	await db
		.update(table.outbox)
		.set({ leaseExpiresAt: null, ...changes })
		.where(
			and(
				eq(table.outbox.id, message.id),
				eq(table.outbox.status, 'sending'),
				eq(table.outbox.attempts, message.attempts)
			)
		);
}

export async function deliverMessage(
	message: OutboxMessage,
	transport: Transport,
	settings: DeliverySettings,
	clock: () => Date = () => new Date(),
	db = defaultDb
): Promise<DeliveryResult> {
	if (await isSuppressed(message.recipient, db)) {
		await settle(
			message,
			{ status: 'suppressed', lastError: 'Address suppressed after a bounce or complaint' },
			db
		);
		return { state: 'suppressed' };
	}
	// A send that could still be running when the lease ends might race another process sending
	// the same message: hand the message back unsent for a fresh claim instead.
	// The lease is a race against other processes, so it is measured by the wall clock.
	const leaseLeftMs = (message.leaseExpiresAt?.getTime() ?? 0) - Date.now();
	if (leaseLeftMs <= settings.sendTimeoutMs) {
		await settle(message, { status: 'pending', nextAttemptAt: new Date() }, db);
		return { state: 'released' };
	}
	let outcome: SendOutcome;
	try {
		outcome = await transport.send(envelopeOf(message, settings.from));
	} catch (error) {
		outcome = { kind: 'retry', error: error instanceof Error ? error.message : String(error) };
	}
	const now = clock();
	if (outcome.kind === 'accepted') {
		await settle(
			message,
			{ status: 'sent', providerId: outcome.providerId, sentAt: now, lastError: null },
			db
		);
		return { state: 'sent' };
	}
	if (outcome.kind === 'rejected') {
		await settle(message, { status: 'failed', lastError: outcome.error }, db);
		return { state: 'failed' };
	}
	// A provider that says when to come back is believed; otherwise back off exponentially.
	const delay =
		outcome.retryAfterMs ??
		retryDelayMs(message.attempts, settings.retryBaseMs, settings.retryMaxMs);
	const nextAttemptAt = new Date(now.getTime() + delay);
	if (nextAttemptAt.getTime() - message.createdAt.getTime() > settings.giveUpAfterMs) {
		await settle(message, { status: 'dead', lastError: `Gave up: ${outcome.error}` }, db);
		return { state: 'dead' };
	}
	await settle(message, { status: 'pending', nextAttemptAt, lastError: outcome.error }, db);
	if (outcome.retryAfterMs === undefined) return { state: 'retry' };
	return {
		state: 'retry',
		retryAfterMs: outcome.retryAfterMs,
		pauseUntil: now.getTime() + outcome.retryAfterMs
	};
}
