import { error } from '@sveltejs/kit';
import { buildPublicCalendar } from '$lib/server/calendar/event-calendar';
import { calendarResponse } from '$lib/server/calendar/calendar-response';
import { config } from '$lib/server/config';
import { findPublicEvent } from '$lib/server/events/catalogue';

export const GET = async ({ params }) => {
	const found = await findPublicEvent(params.slug);
	if (!found) error(404, 'Event not found');
	const body = buildPublicCalendar([found], config, found.event.title);
	return calendarResponse(body, `${found.event.slug}.ics`);
};
