// A member asking for a place: booking, joining the waiting list, accepting an offer, or being
// booked in at the desk or the door. The rules are checked here; the write is one conditional
// batch (booking-writer.ts) holding the capacity check, the insert and the emails, so no number
// of processes booking at once can put more confirmed and offered places on an event than it
// has, and no booking exists without its email.
import { eq, sql } from 'drizzle-orm';
import type { AuditEntry } from '../audit.ts';
import { ballotBookingRefusal } from '../ballot/booking-gate.ts';
import { db, table } from '../db/index.ts';
import type { Booking, BookingAnswers, EventSession } from '../db/schema/index.ts';
import { wakeEmailWorker } from '../email/worker.ts';
import {
	bookingEmailContext,
	findLiveBooking,
	loadBookingContext,
	type LoadedBookingContext
} from './booking-context.ts';
import { newBookingUid } from './booking-uid.ts';
import { writeBooking } from './booking-writer.ts';
import { decideBooking } from './eligibility.ts';
import { placeConfirmedEmails } from './confirmation-email.ts';
import { joinedWaitingListEmail } from './emails.ts';
import { acceptOffer } from './offers.ts';
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

/** A new place: booked, or on the waiting list when the event is full. */
export type NewPlace = {
	eventId: number;
	userId: number;
	answers: BookingAnswers;
	guests: number;
	desk?: DeskBooking;
};

/** Taking up a place the waiting list offered. */
export type OfferedPlace = { offer: string; userId: number };

/**
 * The one way a member asks for a place: booking one, joining the waiting list when the event
 * is full, accepting a place the waiting list offered, or being booked in by an organiser or at
 * the door. Every path ends in a single guarded write that carries its emails.
 */
export async function bookPlace(
	request: NewPlace | OfferedPlace,
	now = new Date()
): Promise<BookingOutcome> {
	if ('offer' in request) return acceptOffer(request.offer, request.userId, now);
	let context = await loadBookingContext(request.eventId, request.userId, now);
	// A write refused because the event changed since it was read is tried once more on a fresh
	// read, so the rules are checked again against the event as it now is.
	for (let attempt = 0; context && attempt < 2; attempt++) {
		const refused = await refuseBooking(context, request, now);
		if (refused) return refused;
		const written = await writeBooking(bookingRequest(context, request, now));
		if (written) {
			wakeEmailWorker();
			const { booking, position } = written;
			return {
				ok: true,
				booking,
				waitingPosition: booking.status === 'waitlisted' ? position : null
			};
		}
		if ((await eventUpdatedAt(request.eventId)) === context.event.updatedAt.getTime()) break;
		context = await loadBookingContext(request.eventId, request.userId, now, { freshEvent: true });
	}
	if (!context) return { ok: false, reason: 'This event is not open for booking.' };
	const existing = await findLiveBooking(request.eventId, request.userId);
	if (existing)
		return { ok: false, reason: 'You already have a booking for this event.', existing };
	return { ok: false, reason: 'The event is full and its waiting list has closed.', full: true };
}

/** The event's current version, to tell a booking that met a changed event from a full one. */
async function eventUpdatedAt(eventId: number) {
	const [row] = await db
		.select({ updatedAt: table.events.updatedAt })
		.from(table.events)
		.where(eq(table.events.id, eventId));
	return row?.updatedAt.getTime() ?? null;
}

/** Why this member may not have a place now, or null when the rules allow it. */
async function refuseBooking(
	{ event, sessions, member, standing }: LoadedBookingContext,
	request: NewPlace,
	now: Date
): Promise<BookingOutcome | null> {
	const atTheDoor = request.desk?.atTheDoor ?? false;
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
	return null;
}

/** The write the rules allowed, with its audit record, door check-in and both possible emails. */
function bookingRequest(context: LoadedBookingContext, request: NewPlace, now: Date) {
	const { event, sessions, member } = context;
	const { desk } = request;
	const atTheDoor = desk?.atTheDoor ?? false;
	const uid = newBookingUid();
	const audit: AuditEntry | undefined = desk && {
		actorUserId: desk.actorUserId,
		action: atTheDoor ? 'booking.walk-in-added' : 'booking.added-by-organiser',
		subjectType: 'booking',
		subjectId: uid,
		detail: desk.overCapacity ? { ...desk.auditDetail, overCapacity: true } : desk.auditDetail
	};
	const emailContext = bookingEmailContext({ event, sessions }, member, uid, request);
	return {
		uid,
		eventId: event.id,
		eventUpdatedAt: event.updatedAt.getTime(),
		userId: member.id,
		guests: request.guests,
		answers: request.answers,
		waitlistOpen: !atTheDoor && isWaitingListOpen(sessions[0].startsAt, now),
		overCapacity: atTheDoor && desk?.overCapacity === true,
		checkIn: atTheDoor ? doorCheckIn(desk, sessions, now, uid) : undefined,
		audit,
		emails: {
			confirmed: placeConfirmedEmails(emailContext),
			waitlisted: joinedWaitingListEmail(emailContext)
		},
		now
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
