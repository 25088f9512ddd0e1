// The roster a door device takes away: read in two queries, shaped for the phone.
import { and, asc, eq, ne } from 'drizzle-orm';
import { db, table } from '../db/index.ts';
import type { Roster, RosterPerson } from '../../door/roster-types.ts';
import { ticketDigestOf } from './tickets.ts';
import { recordCheckIns, type CheckInRequest } from './check-ins.ts';
import type { AuditEntry } from '../audit.ts';

const b = table.bookings;

export async function loadRoster(eventId: number, now = new Date()): Promise<Roster | null> {
	const [event] = await db.select().from(table.events).where(eq(table.events.id, eventId));
	if (!event) return null;
	const [sessions, people, checkIns] = await db.batch([
		db
			.select()
			.from(table.eventSessions)
			.where(eq(table.eventSessions.eventId, eventId))
			.orderBy(asc(table.eventSessions.startsAt)),
		db
			.select({
				id: b.id,
				uid: b.uid,
				name: table.users.name,
				membershipNumber: table.users.membershipNumber,
				guests: b.guests,
				status: b.status
			})
			.from(b)
			.innerJoin(table.users, eq(table.users.id, b.userId))
			.where(and(eq(b.eventId, eventId), ne(b.status, 'waitlisted')))
			.orderBy(asc(table.users.name)),
		db
			.select({
				bookingId: table.checkIns.bookingId,
				session: table.checkIns.sessionId,
				at: table.checkIns.checkedInAt,
				device: table.checkIns.deviceId
			})
			.from(table.checkIns)
			.innerJoin(b, eq(b.id, table.checkIns.bookingId))
			.where(eq(b.eventId, eventId))
	]);
	const byBooking = new Map<number, RosterPerson['checkIns']>();
	for (const c of checkIns) {
		const list = byBooking.get(c.bookingId) ?? [];
		list.push({ session: c.session, at: c.at.getTime(), device: c.device });
		byBooking.set(c.bookingId, list);
	}
	return {
		event: {
			id: event.id,
			title: event.title,
			capacity: event.capacity,
			membersOnly: event.membersOnly
		},
		sessions: sessions.map((s) => ({
			id: s.id,
			title: s.title,
			startsAt: s.startsAt.getTime(),
			endsAt: s.endsAt.getTime()
		})),
		people: people.map((p) => ({
			uid: p.uid,
			name: p.name,
			membershipNumber: p.membershipNumber,
			guests: p.guests,
			status: p.status,
			ticket: ticketDigestOf(p.uid, eventId),
			checkIns: byBooking.get(p.id) ?? []
		})),
		readAt: now.getTime()
	};
}

const MOST_PER_SEND = 2000;

/** A device's queued check-ins as sent over the network: checked field by field. */
export function readSentCheckIns(body: unknown): CheckInRequest[] | null {
	if (typeof body !== 'object' || body === null) return null;
	const list = (body as { checkIns?: unknown }).checkIns;
	if (!Array.isArray(list) || list.length > MOST_PER_SEND) return null;
	const read: CheckInRequest[] = [];
	for (const item of list as Record<string, unknown>[]) {
		const { clientId, bookingUid, sessionId, checkedInAt, deviceId } = item ?? {};
		if (
			typeof clientId !== 'string' ||
			!/^[\w-]{8,80}$/.test(clientId) ||
			typeof bookingUid !== 'string' ||
			bookingUid.length > 64 ||
			!Number.isSafeInteger(sessionId) ||
			!Number.isSafeInteger(checkedInAt) ||
			typeof deviceId !== 'string' ||
			deviceId.length === 0 ||
			deviceId.length > 60
		)
			return null;
		read.push({
			clientId,
			bookingUid,
			sessionId: sessionId as number,
			checkedInAt: new Date(checkedInAt as number),
			deviceId
		});
	}
	return read;
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
