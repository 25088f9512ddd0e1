import { error } from '@sveltejs/kit';
import { memberFeedCalendar } from '$lib/server/bookings/member-calendar';
import { calendarResponse } from '$lib/server/calendar/calendar-response';

export const GET = async ({ params, setHeaders }) => {
	const ics = await memberFeedCalendar(params.token);
	if (!ics) error(404, 'Calendar feed not found');
	// Personal data: calendars may poll it, but no shared cache may keep it.
	setHeaders({ 'cache-control': 'private, no-cache' });
	return calendarResponse(ics, 'my-bookings.ics');
};
