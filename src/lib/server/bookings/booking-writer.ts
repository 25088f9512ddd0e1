// Writing new bookings. Requests for one event that reach this process together are written as
// one batch: an insert that decides every place in arrival order, one insert for all their
// emails, one read-back. A course opening to a crowd then costs a handful of statements per
// batch instead of per member, and each process holds the database's write lock once per batch.
// Every request still gets what it would have had alone: a confirmed place while places remain
// and nobody is waiting, otherwise the next number on the waiting list.
// Why a batch and not an interactive `write` transaction per request (read the places, insert,
// render the one email that applies): measured with the bench's burst (1,000 members, 30 places,
// two servers, on a loaded 2-core machine) the transaction gave 53-73 bookings/s and in one run
// of four refused 22 requests as the write lock timed out, the batch 52-118/s with none refused;
// and over a remote libSQL server an interactive transaction holds the primary's write lock
// across network round trips (tursodatabase/libsql#1334), where a batch is one request.
import { inArray, sql } from 'drizzle-orm';
import { auditInsertWhen, type AuditEntry } from '../audit.ts';
import { db, table } from '../db/index.ts';
import type { Booking, BookingAnswers } from '../db/schema/index.ts';
import type { OutgoingEmail } from '../email/message.ts';
import { queueTaggedEmailsIf, type TaggedEmail } from '../email/outbox.ts';
import { POSITION_PLACEHOLDER } from './booking-email-parts.ts';
import {
	lastWaitingPositionSql,
	placesTakenSql,
	waitingPositionSql,
	waitingSql
} from './places.ts';

export type BookingRequest = {
	uid: string;
	eventId: number;
	/** The event as the request's rules saw it: nothing is written if it has changed since. */
	eventUpdatedAt: number;
	userId: number;
	guests: number;
	answers: BookingAnswers;
	/** False inside the last hours before the event: then a request gets a place or nothing. */
	waitlistOpen: boolean;
	/** Checked in for this session as the place is confirmed: someone added at the door. */
	checkIn?: { sessionId: number; deviceId: string; clientId: string };
	/** Confirmed beyond capacity, as an organiser decided at the door (only with the waiting list closed). */
	overCapacity?: boolean;
	/** Written with the booking, and only if the booking is. */
	audit?: AuditEntry;
	/** Rendered before the write; the batch queues the ones matching the status written. */
	emails: { confirmed: OutgoingEmail[]; waitlisted: OutgoingEmail };
	now: Date;
};

export type WrittenBooking = { booking: Booking; position: number };

/** Requests per batch: keeps every statement far inside SQLite's limit on bound values. */
const MOST_PER_BATCH = 50;

type Pending = {
	request: BookingRequest;
	resolve: (written: WrittenBooking | null) => void;
	reject: (error: unknown) => void;
};

let pending: Pending[] = [];
let flushScheduled = false;

/**
 * Writes one booking, together with whatever other requests arrive before the next turn of the
 * event loop (or until a batch is full). Resolves to the booking as written, or null when nothing
 * was written: the member already holds a live booking, or the event is full with its waiting
 * list closed.
 */
export function writeBooking(request: BookingRequest): Promise<WrittenBooking | null> {
	return new Promise((resolve, reject) => {
		pending.push({ request, resolve, reject });
		if (pending.length >= MOST_PER_BATCH) {
			void flushPending();
		} else if (!flushScheduled) {
			flushScheduled = true;
			setImmediate(() => {
				flushScheduled = false;
				void flushPending();
			});
		}
	});
}

async function flushPending() {
	const taken = pending;
	pending = [];
	for (const batch of intoBatches(taken)) {
		try {
			const written = await writeBatch(batch.map((p) => p.request));
			for (const p of batch) p.resolve(written.get(p.request.uid) ?? null);
		} catch (error) {
			for (const p of batch) p.reject(error);
		}
	}
}

/**
 * Groups requests by event (as each request saw it), in arrival order. A member appears at most once per batch, so a
 * double-click's second request meets the first one's booking. With the waiting list closed,
 * each request is its own batch: places then go to whoever fits, not to a queue in order.
 */
function intoBatches(requests: Pending[]) {
	const open = new Map<string, Pending[][]>();
	const batches: Pending[][] = [];
	for (const p of requests) {
		if (!p.request.waitlistOpen) {
			batches.push([p]);
			continue;
		}
		const key = `${p.request.eventId}@${p.request.eventUpdatedAt}`;
		const forEvent = open.get(key) ?? [];
		open.set(key, forEvent);
		let batch = forEvent.find(
			(b) => b.length < MOST_PER_BATCH && !b.some((q) => q.request.userId === p.request.userId)
		);
		if (!batch) {
			batch = [];
			forEvent.push(batch);
			batches.push(batch);
		}
		batch.push(p);
	}
	return batches;
}

/** One event's requests in one atomic batch; all of them saw the same event and queue state. */
async function writeBatch(requests: BookingRequest[]) {
	const uids = requests.map((r) => r.uid);
	const [, , ...rest] = await db.batch([
		insertDecidedBookings(requests),
		queueBookingEmails(requests),
		...requests.flatMap((r) =>
			r.audit
				? [
						auditInsertWhen(
							db,
							sql`exists (select 1 from bookings b where b.uid = ${r.uid})`,
							r.audit,
							r.now
						)
					]
				: []
		),
		...requests.flatMap((r) => (r.checkIn ? [insertCheckIn(r, r.checkIn)] : [])),
		db
			.select({ booking: table.bookings, position: waitingPositionSql(sql`${table.bookings}.uid`) })
			.from(table.bookings)
			.where(inArray(table.bookings.uid, uids))
	]);
	const rows = rest.at(-1) as { booking: Booking; position: unknown }[];
	return new Map(
		rows.map(({ booking, position }) => [booking.uid, { booking, position: Number(position) }])
	);
}

/**
 * Decides every request's place in arrival order and inserts them: a confirmed place while the
 * places asked for so far fit and nobody is waiting, otherwise the next waiting-list number.
 */
function insertDecidedBookings(requests: BookingRequest[]) {
	const { eventId, eventUpdatedAt, waitlistOpen } = requests[0];
	// A closed waiting list puts each request in a batch of its own (intoBatches).
	const overCapacity = !waitlistOpen && requests[0].overCapacity === true;
	const requested = requests.map(
		(r, arrival) =>
			sql`(${arrival}, ${r.uid}, ${r.userId}, ${1 + r.guests}, ${r.guests}, ${JSON.stringify(r.answers)}, ${r.now.getTime()}, ${r.checkIn ? r.now.getTime() : null})`
	);
	// A running total of places asked for decides who fits: once one request does not fit, none
	// after it does, so the confirmed ones are the first in arrival order and the rest queue.
	return db.run(sql`with
		requested (arrival, uid, user_id, needed, guests, answers, at, checked_in_at) as (values ${sql.join(requested, sql`, `)}),
		newcomers as (
			select * from requested r where not exists (
				select 1 from bookings b where b.event_id = ${eventId} and b.user_id = r.user_id
					and b.status in ('confirmed', 'waitlisted', 'offered'))),
		event as (
			select e.capacity, ${placesTakenSql(eventId)} as taken, ${waitingSql(eventId)} as waiting,
				${lastWaitingPositionSql(eventId)} as last_position
			from events e
			where e.id = ${eventId} and e.status = 'published' and e.updated_at = ${eventUpdatedAt}),
		decided as (
			select n.*, event.last_position,
				event.capacity is null or ${overCapacity ? 1 : 0} = 1 or (
					(event.waiting = 0 or ${waitlistOpen ? 0 : 1} = 1)
					and event.taken + sum(n.needed) over (order by n.arrival) <= event.capacity) as fits
			from newcomers n, event)
		insert into bookings
		(uid, event_id, user_id, status, waitlist_position, answers, guests, created_at, status_changed_at, checked_in_at)
		select uid, ${eventId}, user_id,
			case when fits then 'confirmed' else 'waitlisted' end,
			case when fits then null
				else last_position + row_number() over (partition by fits order by arrival) end,
			answers, guests, at, at, case when fits then checked_in_at end
		from decided
		where fits or ${waitlistOpen ? 1 : 0} = 1
		on conflict do nothing`);
}

/** Each request's email for the status it got; the queue number is filled in by SQL. */
function queueBookingEmails(requests: BookingRequest[]) {
	const emails: TaggedEmail[] = requests.flatMap((r) => [
		...r.emails.confirmed.map((email) => ({ email, tag: r.uid, state: 'confirmed', now: r.now })),
		{ email: r.emails.waitlisted, tag: r.uid, state: 'waitlisted', now: r.now }
	]);
	return queueTaggedEmailsIf(
		db,
		emails,
		(row) =>
			sql`exists (select 1 from bookings b where b.uid = ${row.tag} and b.status = ${row.state})`,
		{ placeholder: POSITION_PLACEHOLDER, value: (row) => waitingPositionSql(row.tag) }
	);
}

/** The session check-in of someone booked at the door, written only if their place was. */
function insertCheckIn(r: BookingRequest, checkIn: NonNullable<BookingRequest['checkIn']>) {
	return db.run(sql`insert into check_ins
		(booking_id, session_id, checked_in_at, device_id, client_id, recorded_at)
		select id, ${checkIn.sessionId}, checked_in_at, ${checkIn.deviceId}, ${checkIn.clientId}, ${r.now.getTime()}
		from bookings where uid = ${r.uid} and status = 'confirmed' and checked_in_at is not null
		on conflict do nothing`);
}
