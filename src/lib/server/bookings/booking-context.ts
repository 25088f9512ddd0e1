// Reading what a booking change needs to know: the event with its sessions, and the member.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { db, table } from '../db/index.ts';

export async function loadEventWithSessions(eventId: number) {
	const [event] = await db.select().from(table.events).where(eq(table.events.id, eventId));
	if (!event) return null;
	const sessions = await db
		.select()
		.from(table.eventSessions)
		.where(eq(table.eventSessions.eventId, eventId))
		.orderBy(asc(table.eventSessions.startsAt));
	return { event, sessions };
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
