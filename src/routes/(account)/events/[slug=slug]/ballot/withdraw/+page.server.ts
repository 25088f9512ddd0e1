import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/kit/guards';
import { withdrawEntry } from '$lib/server/ballot/entries';
import { ballotEntryPage } from '$lib/server/ballot/entry-page';

export const load = async (event) => {
	const { user } = requireUser(event);
	const page = await ballotEntryPage(event.params.slug, user);
	if (!page) error(404, 'Event not found');
	return page;
};

export const actions = {
	default: async (event) => {
		const { user } = requireUser(event);
		const page = await ballotEntryPage(event.params.slug, user);
		if (!page) error(404, 'Event not found');
		const outcome = await withdrawEntry(page.event.id, user.id);
		if (!outcome.ok) return fail(409, { reason: outcome.reason });
		redirect(303, `/events/${event.params.slug}?withdrawn=${outcome.entryNumber}`);
	}
};
