// Calendar files of a member's own confirmed places: one booking, or the subscribable feed.
import { and, eq } from 'drizzle-orm';
import { buildMemberCalendar } from '../calendar/event-calendar.ts';
import { config } from '../config.ts';
import { db, table } from '../db/index.ts';
import { sessionsOfEvent } from '../events/sessions.ts';
import { feedBookings } from './member-bookings.ts';

export async function memberBookingCalendar(userId: number, bookingUid: string) {
	const [row] = await db
		.select({ booking: table.bookings, event: table.events })
		.from(table.bookings)
		.innerJoin(table.events, eq(table.bookings.eventId, table.events.id))
		.where(
			and(
				eq(table.bookings.uid, bookingUid),
				eq(table.bookings.userId, userId),
				eq(table.bookings.status, 'confirmed')
			)
		);
	if (!row) return null;
	const sessions = await sessionsOfEvent(row.event.id);
	return {
		slug: row.event.slug,
		ics: buildMemberCalendar([{ ...row, sessions }], config, row.event.title)
	};
}

export async function memberFeedCalendar(token: string) {
	const feed = await feedBookings(token);
	if (!feed) return null;
	return buildMemberCalendar(feed.bookings, config, `${config.branchName}: my bookings`);
}
