import { error, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/kit/guards';
import { ballotEntryPage } from '$lib/server/ballot/entry-page';

export const load = async (event) => {
	const { user } = requireUser(event);
	const page = await ballotEntryPage(event.params.slug, user);
	if (!page) error(404, 'Event not found');
	if (!page.ballot.entry) redirect(303, `/events/${event.params.slug}`);
	return page;
};
