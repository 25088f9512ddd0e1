// The dev transport: keeps each message in the database, readable at /dev/mail, instead of
// sending it anywhere. Like Resend, it keeps a message once per idempotency key and answers a
// repeat with the first copy's id.
import { eq } from 'drizzle-orm';
import { db as defaultDb, table } from '../../db/index.ts';
import type { Transport } from '../delivery.ts';
import { composeRawMessage } from './mime.ts';

export function createDevTransport(db = defaultDb): Transport {
	return {
		name: 'dev',
		async send(envelope) {
			const [outboxRow] = await db
				.select({ id: table.outbox.id, template: table.outbox.template })
				.from(table.outbox)
				.where(eq(table.outbox.idempotencyKey, envelope.idempotencyKey));
			const stored = await db
				.insert(table.devMailbox)
				.values({
					outboxId: outboxRow?.id ?? 0,
					idempotencyKey: envelope.idempotencyKey,
					recipient: envelope.to.email,
					template: outboxRow?.template ?? 'unknown',
					subject: envelope.subject,
					textBody: envelope.text,
					htmlBody: envelope.html,
					calendarMethod: envelope.calendar?.method ?? null,
					calendarIcs: envelope.calendar?.ics ?? null,
					raw: await composeRawMessage(envelope),
					sentAt: new Date()
				})
				.onConflictDoNothing({ target: table.devMailbox.idempotencyKey })
				.returning({ id: table.devMailbox.id });
			const [kept] = stored.length
				? stored
				: await db
						.select({ id: table.devMailbox.id })
						.from(table.devMailbox)
						.where(eq(table.devMailbox.idempotencyKey, envelope.idempotencyKey));
			return { kind: 'accepted', providerId: `dev-${kept.id}` };
		}
	};
}
