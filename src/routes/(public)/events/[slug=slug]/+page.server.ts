import { error } from '@sveltejs/kit';
import { memberViewOfEvent } from '$lib/server/bookings/booking-page';
import { findPublicEvent } from '$lib/server/events/catalogue';

export const load = async ({ params, locals }) => {
	const found = await findPublicEvent(params.slug);
	if (!found) error(404, 'Event not found');
	const member =
		locals.viewer && found.sessions.length
			? await memberViewOfEvent(locals.viewer.user, found.event, found.sessions[0].startsAt)
			: null;
	return { ...found, member };
};
