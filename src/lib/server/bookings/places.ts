// How full an event is, as SQL that runs inside the statement deciding a booking, so the count
// and the decision see the same rows.
import { sql, type SQL } from 'drizzle-orm';

/** Places taken: confirmed and offered bookings, guests included. */
export const placesTakenSql = (eventId: number | SQL) =>
	sql<number>`(select coalesce(sum(1 + b.guests), 0) from bookings b where b.event_id = ${eventId} and b.status in ('confirmed', 'offered'))`;

/** People on the waiting list. */
export const waitingSql = (eventId: number | SQL) =>
	sql<number>`(select count(*) from bookings b where b.event_id = ${eventId} and b.status = 'waitlisted')`;

/** The last waiting-list number ever given for the event; the next joiner gets one more. */
export const lastWaitingPositionSql = (eventId: number | SQL) =>
	sql`(select coalesce(max(w.waitlist_position), 0) from bookings w where w.event_id = ${eventId})`;

/** A waiting booking's place in the queue, counting only people still waiting. */
export const waitingPositionSql = (bookingUid: string | SQL) =>
	sql<number>`(select count(*) from bookings w join bookings me on me.uid = ${bookingUid}
		where w.event_id = me.event_id and w.status = 'waitlisted' and w.waitlist_position <= me.waitlist_position)`;
