// Calendar files of a member's own confirmed places: one booking, or the subscribable feed.
import { eq } from 'drizzle-orm';
import { buildMemberCalendar } from '../calendar/event-calendar.ts';
import { config } from '../config.ts';
import { table } from '../db/index.ts';
import { sessionsOfEvent } from '../events/sessions.ts';
import { findConfirmedBooking } from './confirmed-booking.ts';
import { feedBookings } from './member-bookings.ts';

export async function memberBookingCalendar(userId: number, bookingUid: string) {
	const row = await findConfirmedBooking(bookingUid, eq(table.bookings.userId, userId));
	if (!row) return null;
	const sessions = await sessionsOfEvent(row.event.id);
	const { booking, event } = row;
	return {
		slug: event.slug,
		ics: buildMemberCalendar([{ booking, event, sessions }], config, event.title)
	};
}

export async function memberFeedCalendar(token: string) {
	const feed = await feedBookings(token);
	if (!feed) return null;
	return buildMemberCalendar(feed.bookings, config, `${config.branchName}: my bookings`);
}
