import { isEventCategory, categoryHeadings } from '$lib/event-categories';
import { buildPublicCalendar } from '$lib/server/calendar/event-calendar';
import { calendarResponse } from '$lib/server/calendar/calendar-response';
import { config } from '$lib/server/config';
import { listFeedEvents } from '$lib/server/events/catalogue';

export const GET = async ({ url }) => {
	const raw = url.searchParams.get('category');
	const category = isEventCategory(raw) ? raw : null;
	const items = await listFeedEvents({ category });
	const name = category
		? `${config.branchName}: ${categoryHeadings[category]}`
		: `${config.branchName} events`;
	return calendarResponse(buildPublicCalendar(items, config, name), 'branch-events.ics');
};
