// The attendee list of one event, for its organisers: who is booked, waiting, offered or
// cancelled, and their access and dietary answers (shown nowhere else but here and to the
// member). What the desk does to a booking is in attendee-desk.ts.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { db, table } from '../db/index.ts';
import type { BookingAnswers, BookingStatus } from '../db/schema/index.ts';

export {
	addAttendee,
	isUnderway,
	removeAttendee,
	resendInvite,
	setCheckedIn,
	type DeskOutcome
} from './attendee-desk.ts';

export type Attendee = {
	uid: string;
	status: BookingStatus;
	name: string;
	email: string;
	membershipNumber: string | null;
	waitlistPosition: number | null;
	/** Place in the queue counting only people still waiting, as the member is told it. */
	waitingNumber: number | null;
	offerExpiresAt: Date | null;
	answers: BookingAnswers;
	guests: number;
	bookedAt: Date;
	checkedInAt: Date | null;
	cancelledAt: Date | null;
};

const b = table.bookings;
const u = table.users;

export async function listAttendees(eventId: number, search = ''): Promise<Attendee[]> {
	const term = search.trim().toLowerCase().slice(0, 100);
	const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	const matches = term
		? sql`(lower(${u.name}) like ${like} escape '\\' or lower(coalesce(${u.membershipNumber}, '')) like ${like} escape '\\')`
		: undefined;
	const rows = await db
		.select({
			uid: b.uid,
			status: b.status,
			name: u.name,
			email: u.email,
			membershipNumber: u.membershipNumber,
			waitlistPosition: b.waitlistPosition,
			waitingNumber: sql<number | null>`case when ${b.status} = 'waitlisted' then (
				select count(*) from bookings w where w.event_id = ${b.eventId}
					and w.status = 'waitlisted' and w.waitlist_position <= ${b.waitlistPosition}) end`,
			offerExpiresAt: b.offerExpiresAt,
			answers: b.answers,
			guests: b.guests,
			bookedAt: b.createdAt,
			checkedInAt: b.checkedInAt,
			cancelledAt: b.cancelledAt
		})
		.from(b)
		.innerJoin(u, eq(u.id, b.userId))
		.where(and(eq(b.eventId, eventId), matches))
		.orderBy(asc(b.waitlistPosition), asc(u.name), desc(b.createdAt));
	return rows.map((r) => ({
		...r,
		waitingNumber: r.waitingNumber === null ? null : Number(r.waitingNumber),
		answers: r.answers ?? {}
	}));
}

export function groupAttendees<T extends Pick<Attendee, 'status'>>(attendees: T[]) {
	const of = (status: BookingStatus) => attendees.filter((a) => a.status === status);
	return {
		confirmed: of('confirmed'),
		offered: of('offered'),
		waiting: of('waitlisted'),
		cancelled: of('cancelled')
	};
}
