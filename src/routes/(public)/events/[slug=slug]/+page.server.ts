import { error } from '@sveltejs/kit';
import { eventBallotView } from '$lib/server/ballot/ballot-view';
import { memberViewOfEvent } from '$lib/server/bookings/booking-page';
import { findPublicEvent } from '$lib/server/events/catalogue';

export const load = async ({ params, locals, url }) => {
	const found = await findPublicEvent(params.slug);
	if (!found) error(404, 'Event not found');
	const member =
		locals.viewer && found.sessions.length
			? await memberViewOfEvent(locals.viewer.user, found.event, found.sessions[0].startsAt)
			: null;
	const ballot = await eventBallotView(
		found.event,
		found.sessions[0]?.startsAt ?? null,
		locals.viewer?.user ?? null
	);
	return { ...found, member, ballot, withdrawn: url.searchParams.get('withdrawn') };
};
