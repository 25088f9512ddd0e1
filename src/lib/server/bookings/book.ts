// Booking a place, or a place on the waiting list, in ONE conditional write: the capacity check,
// the insert and the emails are a single batch, so no number of processes booking at once can
// put more confirmed and offered places on an event than it has, and no booking exists without
// its email. The same batch works embedded and over a libSQL server's HTTP API.
import { eq, sql, type SQL } from 'drizzle-orm';
import { config } from '../config.ts';
import { db, table } from '../db/index.ts';
import type { Booking, BookingAnswers } from '../db/schema/index.ts';
import { queueEmailIf } from '../email/outbox.ts';
import { wakeEmailWorker } from '../email/worker.ts';
import { loadEventWithSessions, findLiveBooking, loadMember } from './booking-context.ts';
import { newBookingUid } from './booking-uid.ts';
import { memberStanding } from '../members/standing.ts';
import { decideBooking } from './eligibility.ts';
import { joinedWaitingListEmail, placeConfirmedEmails, POSITION_PLACEHOLDER } from './emails.ts';
import { isWaitingListOpen } from './offer-window.ts';

export type BookingOutcome =
	| { ok: true; booking: Booking; waitingPosition: number | null }
	| { ok: false; reason: string; existing?: Booking; fix?: { label: string; href: string } };

/** Places taken (confirmed and offered, guests included) and people waiting, in SQL. */
export const placesTakenSql = (eventId: number | SQL) =>
	sql`(select coalesce(sum(1 + b.guests), 0) from bookings b where b.event_id = ${eventId} and b.status in ('confirmed', 'offered'))`;
const waitingSql = (eventId: number) =>
	sql`(select count(*) from bookings b where b.event_id = ${eventId} and b.status = 'waitlisted')`;

export async function bookPlace(
	input: {
		eventId: number;
		userId: number;
		answers: BookingAnswers;
		guests: number;
	},
	now = new Date()
): Promise<BookingOutcome> {
	const found = await loadEventWithSessions(input.eventId);
	const member = await loadMember(input.userId);
	if (!found || !member || found.sessions.length === 0)
		return { ok: false, reason: 'This event is not open for booking.' };
	const { event, sessions } = found;
	const standing = await memberStanding(member.id, now);
	const decision = decideBooking(
		event,
		sessions[0].startsAt,
		{ emailVerified: Boolean(member.emailVerifiedAt), standing },
		now
	);
	if (!decision.allowed) return { ok: false, reason: decision.reason, fix: decision.fix };
	const existing = await findLiveBooking(event.id, member.id);
	if (existing)
		return { ok: false, reason: 'You already have a booking for this event.', existing };

	const uid = newBookingUid();
	const waitlistOpen = isWaitingListOpen(sessions[0].startsAt, now);
	const needed = 1 + input.guests;
	// A place is confirmed when it fits and nobody is already queueing for one (inside the last
	// two hours the queue is closed and a free place goes to whoever books it).
	const fits = sql`(e.capacity is null or (${placesTakenSql(event.id)} + ${needed} <= e.capacity and (${waitingSql(event.id)} = 0 or ${waitlistOpen ? 0 : 1} = 1)))`;
	const insertBooking = db.run(sql`insert into bookings
		(uid, event_id, user_id, status, waitlist_position, answers, guests, created_at, status_changed_at)
		select ${uid}, e.id, ${member.id},
			case when ${fits} then 'confirmed' else 'waitlisted' end,
			case when ${fits} then null
				else (select coalesce(max(w.waitlist_position), 0) + 1 from bookings w where w.event_id = e.id) end,
			${JSON.stringify(input.answers)}, ${input.guests}, ${now.getTime()}, ${now.getTime()}
		from events e
		where e.id = ${event.id} and e.status = 'published' and (${fits} or ${waitlistOpen ? 1 : 0} = 1)
		on conflict do nothing`);

	const context = {
		config,
		event,
		sessions,
		member: { email: member.email, name: member.name },
		bookingUid: uid
	};
	const hasStatus = (status: string) =>
		sql`exists (select 1 from bookings where uid = ${uid} and status = ${status})`;
	const position = sql`(select count(*) from bookings w join bookings me on me.uid = ${uid}
		where w.event_id = me.event_id and w.status = 'waitlisted' and w.waitlist_position <= me.waitlist_position)`;
	const [, ...rest] = await db.batch([
		insertBooking,
		...placeConfirmedEmails(context).map((email) =>
			queueEmailIf(db, email, hasStatus('confirmed'), { now })
		),
		queueEmailIf(db, joinedWaitingListEmail(context), hasStatus('waitlisted'), {
			now,
			fill: { placeholder: POSITION_PLACEHOLDER, value: position }
		}),
		db.select().from(table.bookings).where(eq(table.bookings.uid, uid))
	]);
	const [booking] = rest.at(-1) as Booking[];
	if (!booking) {
		const raced = await findLiveBooking(event.id, member.id);
		if (raced)
			return { ok: false, reason: 'You already have a booking for this event.', existing: raced };
		return { ok: false, reason: 'The event is full and its waiting list has closed.' };
	}
	wakeEmailWorker();
	return {
		ok: true,
		booking,
		waitingPosition: booking.status === 'waitlisted' ? await waitingPositionOf(booking) : null
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
