// The dev transport: keeps each message in the database, readable at /dev/mail, instead of
// sending it anywhere.
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
			const [stored] = await db
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
				.returning({ id: table.devMailbox.id });
			return { kind: 'accepted', providerId: `dev-${stored.id}` };
		}
	};
}
