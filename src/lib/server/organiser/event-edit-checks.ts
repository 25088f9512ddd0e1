// What an edit must not do to the bookings already made: drop sessions of a published event,
// squeeze out confirmed places, refuse guests already brought, or strand a waiting list.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { placesTakenSql, waitingSql } from '../bookings/places.ts';
import { db, table } from '../db/index.ts';
import type { Event, EventSession } from '../db/schema/index.ts';
import type { EventDraft, EventFormErrors } from './event-form.ts';

/** The event's bookings in the given states, each with the member who made it. */
export async function liveBookingsWithMembers(eventId: number, statuses: string[]) {
	return db
		.select({ booking: table.bookings, member: table.users })
		.from(table.bookings)
		.innerJoin(table.users, eq(table.users.id, table.bookings.userId))
		.where(
			and(
				eq(table.bookings.eventId, eventId),
				inArray(table.bookings.status, statuses as ('confirmed' | 'waitlisted' | 'offered')[])
			)
		);
}

async function waitingCount(eventId: number) {
	const [row] = await db.select({ n: waitingSql(eventId) }).from(sql`(select 1)`);
	return Number(row.n);
}

/** The most guests any live booking of the event brings: fewer may not be allowed. */
async function mostGuestsBooked(eventId: number) {
	const [row] = await db
		.select({ n: sql<number>`coalesce(max(${table.bookings.guests}), 0)` })
		.from(table.bookings)
		.where(and(eq(table.bookings.eventId, eventId), sql`${table.bookings.status} <> 'cancelled'`));
	return Number(row.n);
}

async function placesTaken(eventId: number) {
	const [row] = await db.select({ n: placesTakenSql(eventId) }).from(sql`(select 1)`);
	return Number(row.n);
}

/** The message by the field an edit would break, or null when the bookings allow it. */
export async function refuseEventEdit(
	event: Event,
	sessions: EventSession[],
	draft: EventDraft
): Promise<EventFormErrors | null> {
	if (event.status === 'cancelled')
		return { title: 'This event has been cancelled and cannot be changed' };
	const live = event.status === 'published';
	if (live && sessions.length !== draft.sessions.length) {
		return {
			'session-0-date': `This event is published with ${sessions.length} session${sessions.length === 1 ? '' : 's'}: change their times here, but keep the same number so attendees' calendars stay right`
		};
	}
	const taken = live ? await placesTaken(event.id) : 0;
	if (draft.capacity !== null && draft.capacity < taken) {
		return {
			capacity: `Capacity cannot be less than ${taken}: that many places are already confirmed or offered`
		};
	}
	const mostGuests = await mostGuestsBooked(event.id);
	if (draft.guestsAllowed < mostGuests) {
		return {
			guestsAllowed: `Guests allowed cannot be less than ${mostGuests}: a booking already brings that many guests`
		};
	}
	if (
		live &&
		draft.capacity === null &&
		event.capacity !== null &&
		(await waitingCount(event.id)) > 0
	) {
		// The waiting list only moves when places are counted, so it needs a number to move into.
		return {
			capacity:
				'People are on the waiting list: enter a number of places big enough for them instead of leaving it blank'
		};
	}
	return null;
}
