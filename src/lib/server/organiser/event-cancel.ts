// Cancelling a published event: the event, every live booking on it, the calendar CANCELs and
// the notices to everyone booked, waiting, offered or entered in its ballot commit together.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import * as v from 'valibot';
import { auditInsertWhen } from '../audit.ts';
import { ballotCancellationWrites } from '../ballot/cancellation.ts';
import { eventCancelledEmails } from '../bookings/event-change-emails.ts';
import { bookingEmailContext } from '../bookings/booking-context.ts';
import { db, table } from '../db/index.ts';
import type { Event, EventSession } from '../db/schema/index.ts';
import { queueEmailIf } from '../email/outbox.ts';
import { checkForm, requiredText } from '../form-schema.ts';
import { wakeEmailWorker } from '../email/worker.ts';
import { sessionsOfEvent } from '../events/sessions.ts';
import { liveBookingsWithMembers } from './event-edit-checks.ts';

export type CancelEventOutcome = { ok: true } | { ok: false; errors: Record<string, string> };

const CANCEL_REASON = v.object({
	reason: requiredText(
		'Enter the reason attendees will be told',
		500,
		'Reason must be 500 characters or fewer'
	)
});

/** The reason everyone booked will be told, or a message to fix it. */
export const checkCancelReason = (input: { reason: string }) => checkForm(CANCEL_REASON, input);

/**
 * Cancels the event and every live booking on it, raises SEQUENCE, and tells everyone booked,
 * waiting or offered; confirmed places get a calendar CANCEL for every session.
 */
export async function cancelEvent(
	event: Event,
	why: string,
	actorUserId: number,
	now = new Date()
): Promise<CancelEventOutcome> {
	const typed = checkCancelReason({ reason: why });
	if (!typed.ok) return { ok: false, errors: typed.errors };
	// A booking or an edit that lands between the read and the write makes the write change
	// nothing; it is tried again on a fresh read, so nobody booked is left untold.
	let current: Event | undefined = event;
	for (let attempt = 0; attempt < 3 && current; attempt++) {
		if (current.status === 'cancelled') return { ok: true };
		if (current.status === 'draft') {
			return {
				ok: false,
				errors: {
					reason: 'This event is a draft that nobody can see or book, so there is nothing to cancel'
				}
			};
		}
		if (await writeCancellation(current, why, actorUserId, now)) {
			wakeEmailWorker();
			return { ok: true };
		}
		[current] = await db.select().from(table.events).where(eq(table.events.id, event.id));
	}
	return {
		ok: false,
		errors: { reason: 'Bookings changed while the event was being cancelled. Please try again.' }
	};
}

async function writeCancellation(event: Event, why: string, actorUserId: number, now: Date) {
	const sessions = await sessionsOfEvent(event.id);
	const bookings = await liveBookingsWithMembers(event.id, ['confirmed', 'waitlisted', 'offered']);
	const sequence = event.sequence + 1;
	const cancelled: Event = { ...event, status: 'cancelled', cancelledReason: why, sequence };
	const seen = bookings.map(({ booking }) => `${booking.uid}:${booking.status}`);
	const liveBookingsAsRead = sql`not exists (select 1 from bookings b where b.event_id = ${event.id}
		and b.status in ('confirmed', 'waitlisted', 'offered')
		${seen.length ? sql`and b.uid || ':' || b.status not in (${sql.join(seen, sql`, `)})` : sql``})`;
	const done = sql`exists (select 1 from events where id = ${event.id} and status = 'cancelled' and updated_at = ${now.getTime()})`;
	const entrantEmails = await ballotCancellationWrites(cancelled, sessions, why, done, now);
	const [changed] = await db.batch([
		db
			.update(table.events)
			.set({ status: 'cancelled', cancelledReason: why, sequence, updatedAt: now })
			.where(
				and(
					eq(table.events.id, event.id),
					eq(table.events.sequence, event.sequence),
					liveBookingsAsRead
				)
			)
			.returning({ id: table.events.id }),
		db
			.update(table.bookings)
			.set({ status: 'cancelled', cancelledAt: now, statusChangedAt: now })
			.where(
				and(
					eq(table.bookings.eventId, event.id),
					inArray(table.bookings.status, ['confirmed', 'waitlisted', 'offered']),
					done
				)
			),
		...cancellationEmails(cancelled, sessions, bookings, done, now),
		...entrantEmails,
		auditInsertWhen(
			db,
			done,
			{
				actorUserId,
				action: 'event.cancelled',
				subjectType: 'event',
				subjectId: event.slug,
				detail: { reason: why, bookings: bookings.length }
			},
			now
		)
	]);
	return changed.length === 1;
}

/** Each live booking's notice, written only if the cancellation itself commits. */
function cancellationEmails(
	cancelled: Event,
	sessions: EventSession[],
	bookings: Awaited<ReturnType<typeof liveBookingsWithMembers>>,
	done: SQL,
	now: Date
) {
	return bookings.flatMap(({ booking, member }) =>
		eventCancelledEmails(
			bookingEmailContext({ event: cancelled, sessions }, member, booking.uid),
			cancelled.cancelledReason ?? '',
			booking.status
		).map((email) => queueEmailIf(db, email, done, { now }))
	);
}
