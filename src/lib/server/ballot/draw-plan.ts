// Reading everything a draw decides from, and deciding it: which entries are still eligible
// (the booking rules at the moment of the draw), who is in the priority group, how many places
// are free, and the drawn order. The write (draw-write.ts) commits this plan only if nothing it
// read has changed since.
import { and, eq, sql } from 'drizzle-orm';
import { loadEventWithSessions } from '../bookings/booking-context.ts';
import { lastWaitingPositionSql, placesTakenSql, waitingSql } from '../bookings/places.ts';
import { db, table } from '../db/index.ts';
import type { BookingAnswers, Event, EventBallot, EventSession } from '../db/schema/index.ts';
import { assessStanding, bookingEligibility } from '../members/standing.ts';
import { findEventBallot } from './allocation.ts';
import { runDraw, type Allocation, type DrawEntry } from './draw.ts';
import { ballotPhase } from './entries.ts';

/** Priority goes to members without a place on a branch course in the year before the draw. */
const PRIORITY_LOOKBACK_MS = 365 * 86_400_000;

export type PlannedEntry = DrawEntry & {
	id: number;
	userId: number;
	answers: BookingAnswers | null;
	member: { email: string; name: string };
};

export type DrawPlan = {
	event: Event;
	sessions: EventSession[];
	ballot: EventBallot;
	allocation: Allocation<PlannedEntry>;
	ineligible: (PlannedEntry & { why: string; deleted: boolean })[];
	/** What the write checks is unchanged: the entries, the places and the waiting list as read. */
	seen: { entries: string; taken: number; waiting: number; lastPosition: number };
};

export type DrawTrigger = 'schedule' | 'organiser';

async function readEntrants(eventId: number) {
	return db
		.select({
			id: table.ballotEntries.id,
			userId: table.ballotEntries.userId,
			number: table.ballotEntries.entryNumber,
			guests: table.ballotEntries.guests,
			answers: table.ballotEntries.answers,
			user: {
				email: table.users.email,
				name: table.users.name,
				emailVerifiedAt: table.users.emailVerifiedAt,
				membershipNumber: table.users.membershipNumber,
				memberVerifiedAt: table.users.memberVerifiedAt,
				deletedAt: table.users.deletedAt
			},
			entry: {
				surname: table.membersRegister.surname,
				postcode: table.membersRegister.postcode,
				joinedOn: table.membersRegister.joinedOn,
				subsPaidTo: table.membersRegister.subsPaidTo
			}
		})
		.from(table.ballotEntries)
		.innerJoin(table.users, eq(table.users.id, table.ballotEntries.userId))
		.leftJoin(
			table.membersRegister,
			eq(table.membersRegister.membershipNumber, table.users.membershipNumber)
		)
		.where(and(eq(table.ballotEntries.eventId, eventId), eq(table.ballotEntries.status, 'entered')))
		.orderBy(table.ballotEntries.entryNumber);
}

/** Entrants who had a confirmed place on another branch course in the year before `now`. */
async function recentCourseGoers(eventId: number, now: Date) {
	const rows = await db.all<{ user_id: number }>(sql`select distinct b.user_id from bookings b
		join events e on e.id = b.event_id
		where e.category = 'course' and e.id <> ${eventId} and b.status = 'confirmed'
		and e.starts_at >= ${now.getTime() - PRIORITY_LOOKBACK_MS} and e.starts_at < ${now.getTime()}
		and b.user_id in (select user_id from ballot_entries where event_id = ${eventId} and status = 'entered')`);
	return new Set(rows.map((r) => Number(r.user_id)));
}

async function readPlaces(eventId: number) {
	const [row] = await db.all<{ taken: number; waiting: number; last: number; booked: string }>(
		sql`select ${placesTakenSql(eventId)} as taken, ${waitingSql(eventId)} as waiting,
			${lastWaitingPositionSql(eventId)} as last,
			(select group_concat(user_id) from bookings where event_id = ${eventId}
				and status in ('confirmed', 'waitlisted', 'offered')) as booked`
	);
	return {
		taken: Number(row.taken),
		waiting: Number(row.waiting),
		lastPosition: Number(row.last),
		booked: new Set(
			String(row.booked ?? '')
				.split(',')
				.filter(Boolean)
				.map(Number)
		)
	};
}

/** SQL fingerprint of the entries still in the draw; a withdrawal or a late entry changes it. */
export const entriesFingerprintSql = (eventId: number) =>
	sql`(select count(*) || ':' || coalesce(sum(id), 0) || ':' || coalesce(sum(guests), 0)
		from ballot_entries where event_id = ${eventId} and status = 'entered')`;

type Entrant = Awaited<ReturnType<typeof readEntrants>>[number];

/** Who is still in the draw: the booking rules at the draw, and nobody already booked. */
function sortEntrants(
	rows: Entrant[],
	event: Event,
	ballot: EventBallot,
	booked: Set<number>,
	recent: Set<number>,
	now: Date
) {
	const eligible: PlannedEntry[] = [];
	const ineligible: DrawPlan['ineligible'] = [];
	for (const row of rows) {
		const entry: PlannedEntry = {
			id: row.id,
			userId: row.userId,
			number: row.number,
			guests: row.guests,
			answers: row.answers,
			priority: ballot.priority && !recent.has(row.userId),
			member: { email: row.user.email, name: row.user.name }
		};
		const verdict = bookingEligibility(
			{
				emailVerified: Boolean(row.user.emailVerifiedAt),
				standing: assessStanding(row.user, row.entry, now)
			},
			event
		);
		if (row.user.deletedAt)
			ineligible.push({ ...entry, why: 'The account was closed.', deleted: true });
		else if (booked.has(row.userId))
			ineligible.push({
				...entry,
				why: 'You already have a booking for this event.',
				deleted: false
			});
		else if (!verdict.allowed) ineligible.push({ ...entry, why: verdict.reason, deleted: false });
		else eligible.push(entry);
	}
	return { eligible, ineligible };
}

export async function planDraw(
	eventId: number,
	trigger: DrawTrigger,
	now: Date
): Promise<{ ok: true; plan: DrawPlan } | { ok: false; reason: string }> {
	const found = await loadEventWithSessions(eventId);
	const ballot = await findEventBallot(eventId);
	if (!found || !ballot || found.event.allocation !== 'ballot')
		return { ok: false, reason: 'This event has no ballot.' };
	const { event, sessions } = found;
	if (ballot.drawnAt)
		return { ok: false, reason: 'The draw has already run. It cannot be run again.' };
	if (event.status !== 'published')
		return { ok: false, reason: 'This event is not published, so nothing is drawn.' };
	if (ballotPhase(ballot, now) !== 'closed')
		return { ok: false, reason: 'Entries are still open: the draw can run once they close.' };
	if (trigger === 'schedule' && now < ballot.drawAt)
		return { ok: false, reason: 'It is not yet time for the draw.' };

	const rows = await readEntrants(eventId);
	const places = await readPlaces(eventId);
	const recent = ballot.priority ? await recentCourseGoers(eventId, now) : new Set<number>();
	const { eligible, ineligible } = sortEntrants(rows, event, ballot, places.booked, recent, now);
	const free = event.capacity === null ? null : Math.max(0, event.capacity - places.taken);
	const seen = {
		entries: `${rows.length}:${rows.reduce((s, r) => s + r.id, 0)}:${rows.reduce((s, r) => s + r.guests, 0)}`,
		taken: places.taken,
		waiting: places.waiting,
		lastPosition: places.lastPosition
	};
	return {
		ok: true,
		plan: {
			event,
			sessions,
			ballot,
			allocation: runDraw(ballot.seed, eligible, free),
			ineligible,
			seen
		}
	};
}
