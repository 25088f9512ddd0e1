// Recording arrivals: one check-in per booking and session, whatever order devices send them
// in. A check-in carries an id made on the device, so one sent twice is recorded once; when two
// devices let the same person in, the earlier time stays and the later device hears who won.
// bookings.checked_in_at keeps meaning "first arrived", for the counts that read it.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { auditInsert, type AuditEntry } from '../audit.ts';
import { db, table } from '../db/index.ts';

export type CheckInRequest = {
	clientId: string;
	bookingUid: string;
	sessionId: number;
	checkedInAt: Date;
	deviceId: string;
};

export type CheckInResult =
	| { clientId: string; outcome: 'recorded'; checkedInAt: Date; deviceId: string }
	| { clientId: string; outcome: 'conflict'; checkedInAt: Date; deviceId: string }
	| { clientId: string; outcome: 'refused'; reason: string };

const c = table.checkIns;
const b = table.bookings;

/** Statements per write: keeps each far inside SQLite's limit on bound values. */
const MOST_PER_STATEMENT = 200;

function insertCheckIns(eventId: number, requests: CheckInRequest[], now: Date) {
	const rows = requests.map(
		(r) =>
			sql`(${r.clientId}, ${r.bookingUid}, ${r.sessionId}, ${r.checkedInAt.getTime()}, ${r.deviceId})`
	);
	// "where true" lets SQLite tell the select's WHERE from the upsert's ON CONFLICT.
	return db.run(sql`with arrived (client_id, uid, session_id, at, device_id) as (values ${sql.join(rows, sql`, `)})
		insert into check_ins (booking_id, session_id, checked_in_at, device_id, client_id, recorded_at)
		select bk.id, s.id, a.at, a.device_id, a.client_id, ${now.getTime()}
		from arrived a
		join bookings bk on bk.uid = a.uid and bk.event_id = ${eventId} and bk.status = 'confirmed'
		join event_sessions s on s.id = a.session_id and s.event_id = ${eventId}
		where not exists (select 1 from check_ins done where done.client_id = a.client_id)
		order by a.at
		on conflict (booking_id, session_id) do update set
			checked_in_at = excluded.checked_in_at,
			device_id = excluded.device_id,
			client_id = excluded.client_id,
			recorded_at = excluded.recorded_at
		where excluded.checked_in_at < check_ins.checked_in_at`);
}

function refreshFirstArrival(eventId: number, uids: string[]) {
	return db
		.update(b)
		.set({
			checkedInAt: sql`(select min(${c.checkedInAt}) from ${c} where ${c.bookingId} = ${b.id})`
		})
		.where(and(eq(b.eventId, eventId), inArray(b.uid, uids)));
}

function readBack(eventId: number, uids: string[]) {
	return db
		.select({
			uid: b.uid,
			status: b.status,
			sessionId: c.sessionId,
			clientId: c.clientId,
			checkedInAt: c.checkedInAt,
			deviceId: c.deviceId
		})
		.from(b)
		.leftJoin(c, eq(c.bookingId, b.id))
		.where(and(eq(b.eventId, eventId), inArray(b.uid, uids)));
}

/**
 * Records a device's check-ins for one event in one write, and says for each whether it
 * stands, lost to an earlier one (and whose), or could not count (not a confirmed place here).
 */
export async function recordCheckIns(
	eventId: number,
	requests: CheckInRequest[],
	audit: Omit<AuditEntry, 'detail'>,
	now = new Date()
): Promise<CheckInResult[]> {
	const unique = [...new Map(requests.map((r) => [r.clientId, r])).values()];
	if (unique.length === 0) return [];
	const uids = [...new Set(unique.map((r) => r.bookingUid))];
	const chunks: CheckInRequest[][] = [];
	for (let i = 0; i < unique.length; i += MOST_PER_STATEMENT)
		chunks.push(unique.slice(i, i + MOST_PER_STATEMENT));
	const uidChunks: string[][] = [];
	for (let i = 0; i < uids.length; i += MOST_PER_STATEMENT)
		uidChunks.push(uids.slice(i, i + MOST_PER_STATEMENT));
	const devices = [...new Set(unique.map((r) => r.deviceId))];
	await db.batch([
		auditInsert(db, { ...audit, detail: { checkIns: unique.length, devices } }, now),
		...chunks.map((chunk) => insertCheckIns(eventId, chunk, now)),
		...uidChunks.map((chunk) => refreshFirstArrival(eventId, chunk))
	]);
	const stored = (await Promise.all(uidChunks.map((chunk) => readBack(eventId, chunk)))).flat();
	return unique.map((r) => judge(r, stored));
}

type StoredRow = Awaited<ReturnType<typeof readBack>>[number];

function judge(r: CheckInRequest, stored: StoredRow[]): CheckInResult {
	const mine = stored.filter((row) => row.uid === r.bookingUid);
	if (mine.length === 0)
		return { clientId: r.clientId, outcome: 'refused', reason: 'No such booking for this event' };
	if (mine[0].status !== 'confirmed')
		return {
			clientId: r.clientId,
			outcome: 'refused',
			reason: mine[0].status === 'cancelled' ? 'Booking cancelled' : 'No confirmed place'
		};
	const row = mine.find((m) => m.sessionId === r.sessionId);
	if (!row?.checkedInAt || !row.deviceId)
		return { clientId: r.clientId, outcome: 'refused', reason: 'Not a session of this event' };
	const outcome = row.clientId === r.clientId ? 'recorded' : 'conflict';
	return { clientId: r.clientId, outcome, checkedInAt: row.checkedInAt, deviceId: row.deviceId };
}

/** Takes back a session's check-in made by mistake; the first arrival is worked out again. */
export async function undoCheckIn(
	eventId: number,
	bookingUid: string,
	sessionId: number,
	audit: Omit<AuditEntry, 'detail'>,
	now = new Date()
) {
	const [booking] = await db
		.select({ id: b.id })
		.from(b)
		.where(and(eq(b.eventId, eventId), eq(b.uid, bookingUid)));
	if (!booking) return false;
	await db.batch([
		db.delete(c).where(and(eq(c.bookingId, booking.id), eq(c.sessionId, sessionId))),
		refreshFirstArrival(eventId, [bookingUid]),
		auditInsert(db, audit, now)
	]);
	return true;
}

/** Which sessions each booking of the event was checked in at, by booking uid. */
export async function sessionsAttended(eventId: number) {
	const rows = await db
		.select({ uid: b.uid, sessionId: c.sessionId })
		.from(c)
		.innerJoin(b, eq(b.id, c.bookingId))
		.where(eq(b.eventId, eventId));
	const attended = new Map<string, number[]>();
	for (const row of rows) attended.set(row.uid, [...(attended.get(row.uid) ?? []), row.sessionId]);
	return attended;
}
