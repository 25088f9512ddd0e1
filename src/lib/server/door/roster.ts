// The roster a door device takes away: one read of two statements (the event with its
// sessions, the people with their check-ins), shaped for the phone.
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { db, table } from '../db/index.ts';
import type { Roster, RosterCheckIn, RosterSession } from '../../door/roster-types.ts';
import { ticketDigestOf } from './tickets.ts';
import { recordCheckIns, type CheckInRequest } from './check-ins.ts';
import type { AuditEntry } from '../audit.ts';

const b = table.bookings;
const c = table.checkIns;
const e = table.events;

// Each row carries its own list as JSON arrays, built by SQLite: no query per booking.
function selectEvent(eventId: number) {
	return db
		.select({
			id: e.id,
			title: e.title,
			capacity: e.capacity,
			membersOnly: e.membersOnly,
			sessions: sql<string>`(select json_group_array(json_array(s.id, s.title, s.starts_at, s.ends_at))
				from (select * from event_sessions where event_id = ${eventId} order by starts_at) s)`
		})
		.from(e)
		.where(eq(e.id, eventId));
}

function selectPeople(eventId: number) {
	return db
		.select({
			uid: b.uid,
			name: table.users.name,
			membershipNumber: table.users.membershipNumber,
			guests: b.guests,
			status: b.status,
			checkIns: sql<string>`json_group_array(json_array(${c.sessionId}, ${c.checkedInAt}, ${c.deviceId}))
				filter (where ${c.id} is not null)`
		})
		.from(b)
		.innerJoin(table.users, eq(table.users.id, b.userId))
		.leftJoin(c, eq(c.bookingId, b.id))
		.where(and(eq(b.eventId, eventId), ne(b.status, 'waitlisted')))
		.groupBy(b.id)
		.orderBy(asc(table.users.name));
}

type SessionTuple = [number, string | null, number, number];
type CheckInTuple = [number, number, string];

const toSession = ([id, title, startsAt, endsAt]: SessionTuple): RosterSession => ({
	id,
	title,
	startsAt,
	endsAt
});

const toCheckIn = ([session, at, device]: CheckInTuple): RosterCheckIn => ({ session, at, device });

export async function loadRoster(eventId: number, now = new Date()): Promise<Roster | null> {
	const [[event], people] = await db.batch([selectEvent(eventId), selectPeople(eventId)]);
	if (!event) return null;
	const { sessions, ...about } = event;
	return {
		event: about,
		sessions: (JSON.parse(sessions) as SessionTuple[]).map(toSession),
		people: people.map(({ checkIns, ...person }) => ({
			...person,
			ticket: ticketDigestOf(person.uid, eventId),
			checkIns: (JSON.parse(checkIns) as CheckInTuple[]).map(toCheckIn)
		})),
		readAt: now.getTime()
	};
}

const MOST_PER_SEND = 2000;

const SENT_CHECK_IN = v.object({
	clientId: v.pipe(v.string(), v.regex(/^[\w-]{8,80}$/)),
	bookingUid: v.pipe(v.string(), v.maxLength(64)),
	sessionId: v.pipe(v.number(), v.safeInteger()),
	checkedInAt: v.pipe(
		v.number(),
		v.safeInteger(),
		v.transform((ms) => new Date(ms))
	),
	deviceId: v.pipe(v.string(), v.minLength(1), v.maxLength(60))
});

/** A device's queued check-ins as sent over the network: the count is checked before each one. */
const SENT_CHECK_INS = v.object({
	checkIns: v.pipe(v.array(v.unknown()), v.maxLength(MOST_PER_SEND), v.array(SENT_CHECK_IN))
});

/** The check-ins in a device's send, or null when the send or any check-in in it is malformed. */
export function readSentCheckIns(body: unknown): CheckInRequest[] | null {
	const sent = v.safeParse(SENT_CHECK_INS, body);
	return sent.success ? sent.output.checkIns : null;
}

/**
 * Check-ins sent by a door device. A device clock far ahead is not trusted to win a conflict:
 * a time later than now counts as now.
 */
export async function receiveCheckIns(
	eventId: number,
	requests: CheckInRequest[],
	audit: Omit<AuditEntry, 'detail'>,
	now = new Date()
) {
	const fair = requests.map((r) => (r.checkedInAt > now ? { ...r, checkedInAt: now } : r));
	const results = await recordCheckIns(eventId, fair, audit, now);
	return results.map((r) =>
		r.outcome === 'refused' ? r : { ...r, checkedInAt: r.checkedInAt.getTime() }
	);
}
