// Cancelling a booking until the first session starts: the member's calendar gets a CANCEL,
// and the freed place goes to the first person waiting.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { auditInsertWhen, type AuditEntry } from '../audit.ts';
import { db, table } from '../db/index.ts';
import type { BookingStatus } from '../db/schema/index.ts';
import { queueEmailIf } from '../email/outbox.ts';
import { wakeEmailWorker } from '../email/worker.ts';
import { bookingContextFor } from './booking-context.ts';
import { placeCancelledEmails } from './emails.ts';
import { cancelBookingRow, offerFreedPlaces } from './offers.ts';

/** `was` says what the member gave up: a place, or a place on the waiting list. */
export type CancelOutcome = { ok: true; was: BookingStatus } | { ok: false; reason: string };

export async function cancelBooking(
	input: {
		bookingUid: string;
		userId?: number;
		byOrganiser?: boolean;
		/** The member deleted their account: every session still to come leaves their calendar. */
		accountDeleted?: boolean;
		/** Written in the cancellation's own batch, and only if this call cancelled it. */
		audit?: AuditEntry;
	},
	now = new Date()
): Promise<CancelOutcome> {
	const [booking] = await db
		.select()
		.from(table.bookings)
		.where(
			and(
				eq(table.bookings.uid, input.bookingUid),
				input.userId === undefined ? undefined : eq(table.bookings.userId, input.userId)
			)
		);
	if (!booking) return { ok: false, reason: 'We could not find that booking.' };
	if (booking.status === 'cancelled') return { ok: true, was: booking.status };
	const context = await bookingContextFor(booking);
	if (!context) return { ok: false, reason: 'We could not find that booking.' };
	const anyTime = input.byOrganiser || input.accountDeleted;
	if (!anyTime && context.sessions[0].startsAt.getTime() <= now.getTime()) {
		return {
			ok: false,
			reason: 'This event has started, so the booking can no longer be cancelled online.'
		};
	}
	const cancelledNow = sql`exists (select 1 from bookings where id = ${booking.id} and status = 'cancelled' and status_changed_at = ${now.getTime()})`;
	await db.batch([
		cancelBookingRow(
			booking.id,
			now,
			inArray(table.bookings.status, ['confirmed', 'waitlisted', 'offered'])
		),
		...placeCancelledEmails(
			context,
			input.byOrganiser ? 'organiser' : input.accountDeleted ? 'account-deleted' : 'member',
			booking.status === 'confirmed'
		).map((email) => queueEmailIf(db, email, cancelledNow, { now })),
		...(input.audit ? [auditInsertWhen(db, cancelledNow, input.audit, now)] : [])
	]);
	wakeEmailWorker();
	await offerFreedPlaces(booking.eventId, now);
	return { ok: true, was: booking.status };
}
