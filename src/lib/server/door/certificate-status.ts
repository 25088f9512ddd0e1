// Whether a course place has earned its certificate of attendance yet, and if not, why: the
// course has not ended (it will be ready then, if attended enough), or the member fell short
// of the rule. One rule for every page that offers the certificate and for the certificate itself.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { db, table } from '../db/index.ts';

type Counted = { attended: number; needed: number; sessions: number };

export type CertificateStatus =
	| ({ state: 'ready' } & Counted)
	| ({ state: 'after-course'; readyFrom: Date } & Counted)
	| ({ state: 'short' } & Counted);

export type AttendanceFacts = {
	sessions: number;
	lastEndsAt: Date;
	attended: number;
	attendanceNeeded: number | null;
};

/** The sessions a course needs attended: the organiser's "at least N", else every one. */
export function sessionsNeeded(attendanceNeeded: number | null, sessions: number) {
	return attendanceNeeded === null ? sessions : Math.min(Math.max(attendanceNeeded, 1), sessions);
}

export function certificateStatusOf(facts: AttendanceFacts, now = new Date()): CertificateStatus {
	const needed = sessionsNeeded(facts.attendanceNeeded, facts.sessions);
	const counted = { attended: facts.attended, needed, sessions: facts.sessions };
	if (facts.lastEndsAt.getTime() > now.getTime())
		return { state: 'after-course', readyFrom: facts.lastEndsAt, ...counted };
	return facts.attended >= needed ? { state: 'ready', ...counted } : { state: 'short', ...counted };
}

const b = table.bookings;
const e = table.events;

/** The certificate status of each confirmed course place among these bookings, by booking uid. */
export async function certificateStatuses(bookingUids: string[], now = new Date()) {
	const statuses = new Map<string, CertificateStatus>();
	if (bookingUids.length === 0) return statuses;
	const rows = await db
		.select({
			uid: b.uid,
			attendanceNeeded: e.attendanceNeeded,
			sessions: sql<number>`(select count(*) from event_sessions s where s.event_id = ${e.id})`,
			lastEndsAt: sql<number>`(select max(s.ends_at) from event_sessions s where s.event_id = ${e.id})`,
			attended: sql<number>`(select count(*) from check_ins c where c.booking_id = ${b.id})`
		})
		.from(b)
		.innerJoin(e, eq(e.id, b.eventId))
		.where(and(inArray(b.uid, bookingUids), eq(b.status, 'confirmed'), eq(e.category, 'course')));
	for (const row of rows) {
		if (!row.sessions) continue;
		statuses.set(
			row.uid,
			certificateStatusOf({ ...row, lastEndsAt: new Date(Number(row.lastEndsAt)) }, now)
		);
	}
	return statuses;
}
