// Reading what a booking change needs to know: the event with its sessions, and the member.
import { and, eq, inArray } from 'drizzle-orm';
import { config } from '../config.ts';
import { db, table } from '../db/index.ts';
import type { Booking, Event, EventSession } from '../db/schema/index.ts';
import { sessionsOfEvent } from '../events/sessions.ts';
import { assessStanding, memberWithListEntry } from '../members/standing.ts';
import type { BookingContext } from './booking-email-parts.ts';

export type EventWithSessions = { event: Event; sessions: EventSession[] };

export async function loadEventWithSessions(eventId: number): Promise<EventWithSessions | null> {
	const [event] = await db.select().from(table.events).where(eq(table.events.id, eventId));
	if (!event) return null;
	return { event, sessions: await sessionsOfEvent(eventId) };
}

// The events being booked right now are held in memory for a moment: a crowd booking one course
// reads the event once, not once per member. Being a little stale is harmless: a booking is
// written only while the event's updated_at is still the one read here (booking-writer.ts), and
// a booking that meets a changed event is tried again with a fresh read.
const HOLD_MS = 2_000;

const held = new Map<number, { until: number; found: EventWithSessions }>();

export async function recentEventWithSessions(
	eventId: number,
	options: { fresh?: boolean } = {}
): Promise<EventWithSessions | null> {
	const clock = performance.now();
	const entry = held.get(eventId);
	if (!options.fresh && entry && entry.until > clock) return entry.found;
	const found = await loadEventWithSessions(eventId);
	for (const [id, old] of held) if (old.until <= clock) held.delete(id);
	if (found) held.set(eventId, { until: clock + HOLD_MS, found });
	return found;
}

/** A published or cancelled event's id from its address, from the hold when it is there. */
export async function eventIdForSlug(slug: string) {
	const clock = performance.now();
	for (const { until, found } of held.values())
		if (until > clock && found.event.slug === slug) return found.event.id;
	const [row] = await db
		.select({ id: table.events.id })
		.from(table.events)
		.where(eq(table.events.slug, slug));
	return row?.id ?? null;
}

/**
 * Everything booking a place needs to know: the event and its sessions (possibly held from a
 * moment ago), and the member with their membership list row and standing.
 */
export async function loadBookingContext(
	eventId: number,
	userId: number,
	now: Date,
	options: { freshEvent?: boolean } = {}
) {
	const found = await recentEventWithSessions(eventId, { fresh: options.freshEvent });
	const [member] = await memberWithListEntry(userId);
	if (!found || !member) return null;
	return { ...found, member, standing: assessStanding(member, member.entry, now) };
}

export type LoadedBookingContext = NonNullable<Awaited<ReturnType<typeof loadBookingContext>>>;

export async function loadMember(userId: number) {
	const [user] = await db.select().from(table.users).where(eq(table.users.id, userId));
	return user ?? null;
}

export async function findLiveBooking(eventId: number, userId: number) {
	const [booking] = await db
		.select()
		.from(table.bookings)
		.where(
			and(
				eq(table.bookings.eventId, eventId),
				eq(table.bookings.userId, userId),
				inArray(table.bookings.status, ['confirmed', 'waitlisted', 'offered'])
			)
		);
	return booking ?? null;
}

/**
 * What every booking email needs, gathered in one place: the event, its sessions, the member,
 * the booking's uid and (for a confirmation) what they asked for, with the site's settings.
 */
export function bookingEmailContext(
	found: EventWithSessions,
	member: { email: string; name: string },
	bookingUid: string,
	booking?: Partial<Pick<Booking, 'guests' | 'answers'>>
): BookingContext {
	return {
		config,
		...found,
		member: { email: member.email, name: member.name },
		bookingUid,
		booking:
			booking?.guests === undefined
				? undefined
				: { guests: booking.guests, answers: booking.answers ?? null }
	};
}

/** What a saved booking's emails need, read afresh. */
export async function bookingContextFor(
	booking: Pick<Booking, 'eventId' | 'userId' | 'uid'> &
		Partial<Pick<Booking, 'guests' | 'answers'>>
): Promise<BookingContext | null> {
	const found = await loadEventWithSessions(booking.eventId);
	const member = await loadMember(booking.userId);
	if (!found || !member) return null;
	return bookingEmailContext(found, member, booking.uid, booking);
}
