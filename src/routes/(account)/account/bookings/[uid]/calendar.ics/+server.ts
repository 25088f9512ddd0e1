import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/kit/guards';
import { memberBookingCalendar } from '$lib/server/bookings/member-calendar';
import { calendarResponse } from '$lib/server/calendar/calendar-response';

export const GET = async (event) => {
	const { user } = requireUser(event);
	const calendar = await memberBookingCalendar(user.id, event.params.uid);
	if (!calendar) error(404, 'Booking not found');
	return calendarResponse(calendar.ics, `${calendar.slug}.ics`);
};
