// A three-day course (25–27 January 2027) with one booking, and its attendance at the door: the
// unit tests of certificates and of the email that says one is ready.
import { eq } from 'drizzle-orm';
import { db, table } from '../db/index.ts';
import { recordCheckIns } from '../door/check-ins.ts';
import { createBooking, createEvent } from './fixtures.ts';

export const DAY = 24 * 3_600_000;
export const COURSE_START = new Date('2027-01-25T09:00:00Z');
/** The morning after the course's last session. */
export const AFTER_COURSE = new Date('2027-01-28T09:00:00Z');

export async function threeDayCourse(attendanceNeeded: number | null = null) {
	const event = await createEvent({
		category: 'course',
		attendanceNeeded,
		sessions: [0, 1, 2].map((d) => ({
			startsAt: new Date(COURSE_START.getTime() + d * DAY),
			endsAt: new Date(COURSE_START.getTime() + d * DAY + 6 * 3_600_000)
		}))
	});
	const sessions = await db
		.select()
		.from(table.eventSessions)
		.where(eq(table.eventSessions.eventId, event.id))
		.orderBy(table.eventSessions.startsAt);
	const booking = await createBooking(event);
	return { event, sessions, booking };
}

/** Checks the booking in at these sessions, as a door device would. */
export async function attend(eventId: number, uid: string, sessionIds: number[]) {
	await recordCheckIns(
		eventId,
		sessionIds.map((sessionId) => ({
			clientId: `c-${uid}-${sessionId}`,
			bookingUid: uid,
			sessionId,
			checkedInAt: COURSE_START,
			deviceId: 'A'
		})),
		{ actorUserId: null, action: 'booking.checked-in', subjectType: 'booking', subjectId: uid }
	);
}
