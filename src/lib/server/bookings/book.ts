// Booking a place, or a place on the waiting list. The rules are checked here; the write is one
// conditional batch (booking-writer.ts) holding the capacity check, the insert and the emails, so
// no number of processes booking at once can put more confirmed and offered places on an event
// than it has, and no booking exists without its email. The same batch works embedded and over a
// libSQL server's HTTP API.
import { eq, sql } from 'drizzle-orm';
import type { AuditEntry } from '../audit.ts';
import { ballotBookingRefusal } from '../ballot/booking-gate.ts';
import { config } from '../config.ts';
import { db, table } from '../db/index.ts';
import type { Booking, BookingAnswers, EventSession } from '../db/schema/index.ts';
import { wakeEmailWorker } from '../email/worker.ts';
import {
	findLiveBooking,
	loadBookingContext,
	type LoadedBookingContext
} from './booking-context.ts';
import { newBookingUid } from './booking-uid.ts';
import { writeBooking } from './booking-writer.ts';
import { decideBooking } from './eligibility.ts';
import { placeConfirmedEmails } from './confirmation-email.ts';
import { joinedWaitingListEmail } from './emails.ts';
import { isWaitingListOpen } from './offer-window.ts';
import { sessionAtTheDoor } from '../../door/session-at-door.ts';

/** Someone booked at the door is checked in for the session on now. */
function doorCheckIn(
	desk: DeskBooking | undefined,
	sessions: EventSession[],
	now: Date,
	uid: string
) {
	return {
		sessionId: (sessionAtTheDoor(sessions, now) ?? sessions[0]).id,
		deviceId: desk?.device?.deviceId ?? 'attendee desk',
		clientId: desk?.device?.clientId ?? `desk-${uid}`
	};
}

/**
 * An organiser booking someone in from the attendee desk: the audit record goes in the booking's
 * own batch; `atTheDoor` (the event is on) books a free place regardless of the booking times,
 * checked in at once, and never a waiting-list place.
 */
export type DeskBooking = {
	actorUserId: number | null;
	atTheDoor: boolean;
	/** The door device that let them in, and its id for this check-in. */
	device?: { deviceId: string; clientId: string };
	/** The organiser said yes to booking beyond the event's capacity. */
	overCapacity?: boolean;
	/** Door links and organisers say who acted in the audit record. */
	auditDetail?: Record<string, unknown>;
};

export type BookingOutcome =
	| { ok: true; booking: Booking; waitingPosition: number | null }
	| {
			ok: false;
			reason: string;
			/** The member's live booking, when that is why. */
			existing?: Booking;
			/** Every place is taken and the waiting list has closed. */
			full?: true;
			fix?: { label: string; href: string };
	  };

export async function bookPlace(
	input: {
		eventId: number;
		userId: number;
		answers: BookingAnswers;
		guests: number;
		desk?: DeskBooking;
	},
	now = new Date()
): Promise<BookingOutcome> {
	const context = await loadBookingContext(input.eventId, input.userId, now);
	if (!context) return { ok: false, reason: 'This event is not open for booking.' };
	return placeBooking(context, input, now);
}

/** The event's current version, to tell a booking that met a changed event from a full one. */
async function eventUpdatedAt(eventId: number) {
	const [row] = await db
		.select({ updatedAt: table.events.updatedAt })
		.from(table.events)
		.where(eq(table.events.id, eventId));
	return row?.updatedAt.getTime() ?? null;
}

/** Books with what `loadBookingContext` read: the rules first, then the one conditional write. */
export async function placeBooking(
	context: LoadedBookingContext,
	input: { answers: BookingAnswers; guests: number; desk?: DeskBooking },
	now = new Date()
): Promise<BookingOutcome> {
	const { event, sessions, member, standing } = context;
	const atTheDoor = input.desk?.atTheDoor ?? false;
	if (sessions.length === 0) return { ok: false, reason: 'This event is not open for booking.' };
	const decision = decideBooking(
		event,
		sessions[0].startsAt,
		// Someone standing at the door has been seen; their address is confirmed by its invitation.
		{ emailVerified: Boolean(member.emailVerifiedAt) || atTheDoor, standing },
		now,
		{ atTheDoor }
	);
	if (!decision.allowed) return { ok: false, reason: decision.reason, fix: decision.fix };
	if (event.allocation === 'ballot' && !atTheDoor) {
		const refusal = await ballotBookingRefusal(event.id);
		if (refusal) return { ok: false, reason: refusal };
	}

	const uid = newBookingUid();
	const audit: AuditEntry | undefined = input.desk && {
		actorUserId: input.desk.actorUserId,
		action: atTheDoor ? 'booking.walk-in-added' : 'booking.added-by-organiser',
		subjectType: 'booking',
		subjectId: uid,
		detail: input.desk.overCapacity
			? { ...input.desk.auditDetail, overCapacity: true }
			: input.desk.auditDetail
	};
	const emailContext = {
		config,
		event,
		sessions,
		member: { email: member.email, name: member.name },
		bookingUid: uid,
		booking: { guests: input.guests, answers: input.answers }
	};
	const written = await writeBooking({
		uid,
		eventId: event.id,
		eventUpdatedAt: event.updatedAt.getTime(),
		userId: member.id,
		guests: input.guests,
		answers: input.answers,
		waitlistOpen: !atTheDoor && isWaitingListOpen(sessions[0].startsAt, now),
		overCapacity: atTheDoor && input.desk?.overCapacity === true,
		checkIn: atTheDoor ? doorCheckIn(input.desk, sessions, now, uid) : undefined,
		audit,
		emails: {
			confirmed: placeConfirmedEmails(emailContext),
			waitlisted: joinedWaitingListEmail(emailContext)
		},
		now
	});
	if (!written) {
		if ((await eventUpdatedAt(event.id)) !== event.updatedAt.getTime()) {
			const fresh = await loadBookingContext(event.id, member.id, now, { freshEvent: true });
			if (fresh && fresh.event.updatedAt.getTime() !== event.updatedAt.getTime())
				return placeBooking(fresh, input, now);
		}
		const existing = await findLiveBooking(event.id, member.id);
		if (existing)
			return { ok: false, reason: 'You already have a booking for this event.', existing };
		return { ok: false, reason: 'The event is full and its waiting list has closed.', full: true };
	}
	wakeEmailWorker();
	const { booking, position } = written;
	return {
		ok: true,
		booking,
		waitingPosition: booking.status === 'waitlisted' ? position : null
	};
}

/** A waiting member's place in the queue, counting only people still waiting. */
export async function waitingPositionOf(
	booking: Pick<Booking, 'eventId' | 'waitlistPosition' | 'status'>
) {
	if (booking.status !== 'waitlisted' || booking.waitlistPosition === null) return null;
	const [row] = await db
		.select({ n: sql<number>`count(*)` })
		.from(table.bookings)
		.where(
			sql`${table.bookings.eventId} = ${booking.eventId} and ${table.bookings.status} = 'waitlisted' and ${table.bookings.waitlistPosition} <= ${booking.waitlistPosition}`
		);
	return Number(row.n);
}
