// One confirmed booking read by its uid, with its event and member: what a calendar file, a
// ticket and a course document are each drawn from.
import { and, eq, type SQL } from 'drizzle-orm';
import { db, table } from '../db/index.ts';

/** The confirmed booking with this uid where `also` holds (its owner, its event), or null. */
export async function findConfirmedBooking(bookingUid: string, also: SQL | undefined) {
	const [row] = await db
		.select({ booking: table.bookings, event: table.events, member: table.users })
		.from(table.bookings)
		.innerJoin(table.events, eq(table.events.id, table.bookings.eventId))
		.innerJoin(table.users, eq(table.users.id, table.bookings.userId))
		.where(and(eq(table.bookings.uid, bookingUid), eq(table.bookings.status, 'confirmed'), also));
	return row ?? null;
}
