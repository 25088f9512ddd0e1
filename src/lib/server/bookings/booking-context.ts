// Reading what a booking change needs to know: the event with its sessions, and the member.
import { and, eq, inArray } from 'drizzle-orm';
import { config } from '../config.ts';
import { db, table } from '../db/index.ts';
import type { Booking } from '../db/schema/index.ts';
import { sessionsOfEvent } from '../events/sessions.ts';
import type { BookingContext } from './emails.ts';

export async function loadEventWithSessions(eventId: number) {
	const [event] = await db.select().from(table.events).where(eq(table.events.id, eventId));
	if (!event) return null;
	return { event, sessions: await sessionsOfEvent(eventId) };
}

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

/** What a booking's emails need: its event, sessions and member, with the site's settings. */
export async function bookingContextFor(
	booking: Pick<Booking, 'eventId' | 'userId' | 'uid'>
): Promise<BookingContext | null> {
	const found = await loadEventWithSessions(booking.eventId);
	const member = await loadMember(booking.userId);
	if (!found || !member) return null;
	return {
		config,
		...found,
		member: { email: member.email, name: member.name },
		bookingUid: booking.uid
	};
}
