import { error } from '@sveltejs/kit';
import { findPublicEvent } from '$lib/server/events/catalogue';

export const load = async ({ params }) => {
	const found = await findPublicEvent(params.slug);
	if (!found) error(404, 'Event not found');
	return found;
};
