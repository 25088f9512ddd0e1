// Organisers' messages to an event's attendees: checked, previewed as the exact email, then
// queued through the outbox, one email per person, with the audit record in the same batch.
// The message id comes from the preview, so sending the same preview twice sends once.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { auditInsertWhen } from '../audit.ts';
import { config } from '../config.ts';
import { db, table } from '../db/index.ts';
import type { Event } from '../db/schema/index.ts';
import { queueEmailIf } from '../email/outbox.ts';
import { checkForm, requiredText } from '../form-schema.ts';
import type { OutgoingEmail } from '../email/message.ts';
import { renderEmail } from '../email/templates/layout.ts';
import { wakeEmailWorker } from '../email/worker.ts';

export const AUDIENCES = {
	confirmed: 'People with a place',
	waiting: 'People on the waiting list',
	all: 'Everyone with a place, an offer or on the waiting list'
} as const;
export type Audience = keyof typeof AUDIENCES;

export type MessageInput = { audience: string; subject: string; body: string; messageId?: string };
export type CheckedMessage =
	| { ok: true; audience: Audience; subject: string; body: string; messageId: string }
	| { ok: false; errors: Record<string, string> };

const MESSAGE = v.object({
	audience: v.picklist(Object.keys(AUDIENCES) as Audience[], 'Choose who the message is for'),
	subject: requiredText('Enter a subject', 150, 'Subject must be 150 characters or fewer'),
	body: requiredText('Enter the message', 5000, 'Message must be 5,000 characters or fewer')
});

export function checkMessage(input: MessageInput): CheckedMessage {
	const { audience, subject, body } = input;
	const checked = checkForm(MESSAGE, { audience, subject, body });
	if (!checked.ok) return { ok: false, errors: checked.errors };
	// The preview's id, so the same preview sent twice is sent once; a new one for a fresh preview.
	const messageId = /^[0-9a-f-]{36}$/.test(input.messageId ?? '') ? input.messageId! : randomUUID();
	return { ok: true, ...checked.data, messageId };
}

const STATUSES = {
	confirmed: ['confirmed'],
	waiting: ['waitlisted'],
	all: ['confirmed', 'offered', 'waitlisted']
} as const;

export async function messageRecipients(eventId: number, audience: Audience) {
	return db
		.select({ uid: table.bookings.uid, email: table.users.email, name: table.users.name })
		.from(table.bookings)
		.innerJoin(table.users, eq(table.users.id, table.bookings.userId))
		.where(
			and(
				eq(table.bookings.eventId, eventId),
				inArray(table.bookings.status, [...STATUSES[audience]])
			)
		);
}

export function attendeeMessageEmail(
	event: Pick<Event, 'id' | 'title' | 'slug'>,
	message: { subject: string; body: string; messageId: string },
	to: { uid: string; email: string; name: string }
): OutgoingEmail {
	const rendered = renderEmail(
		{
			subject: message.subject,
			preview: message.body.slice(0, 120),
			heading: message.subject,
			blocks: [
				{ kind: 'paragraph', text: `Hello ${to.name},` },
				...message.body
					.split(/\n{2,}/)
					.map((text) => ({ kind: 'paragraph' as const, text: text.trim() })),
				{
					kind: 'paragraph',
					text: `Event details: ${config.origin}/events/${event.slug}`
				}
			],
			reason: `You got this email from the organisers of ${event.title}, because you booked with ${config.branchName}.`
		},
		config
	);
	return {
		...rendered,
		idempotencyKey: `organiser-message/${event.id}/${message.messageId}/${to.uid}`,
		template: 'organiser-message',
		to: { email: to.email, name: to.name }
	};
}

export async function sendAttendeeMessage(
	event: Event,
	message: Extract<CheckedMessage, { ok: true }>,
	actorUserId: number,
	now = new Date()
) {
	const recipients = await messageRecipients(event.id, message.audience);
	if (recipients.length === 0) return { count: 0, alreadySent: false };
	// A second press of Send (or the back button and Send again) carries the same message id:
	// nothing more is queued or recorded, and the organiser is told it had already gone.
	const recordOf = sql`select 1 from audit_log a where a.subject_type = 'event' and a.action = 'event.message-sent'
		and a.subject_id = ${event.slug} and json_extract(a.detail, '$.messageId') = ${message.messageId}`;
	const recordedNow = sql`exists (${recordOf} and a.created_at = ${now.getTime()})`;
	const [recorded] = await db.batch([
		auditInsertWhen(
			db,
			sql`not exists (${recordOf})`,
			{
				actorUserId,
				action: 'event.message-sent',
				subjectType: 'event',
				subjectId: event.slug,
				detail: {
					audience: message.audience,
					subject: message.subject,
					recipients: recipients.length,
					messageId: message.messageId
				}
			},
			now
		),
		...recipients.map((to) =>
			queueEmailIf(db, attendeeMessageEmail(event, message, to), recordedNow, { now })
		)
	]);
	wakeEmailWorker();
	return { count: recipients.length, alreadySent: recorded.rowsAffected === 0 };
}
