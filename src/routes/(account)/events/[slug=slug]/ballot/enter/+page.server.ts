import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/kit/guards';
import { readForm } from '$lib/server/kit/read-form';
import { enterBallot } from '$lib/server/ballot/entries';
import { ballotEntryPage } from '$lib/server/ballot/entry-page';
import { readAnswerForm } from '$lib/server/bookings/answers';

export const load = async (event) => {
	const { user } = requireUser(event);
	const page = await ballotEntryPage(event.params.slug, user);
	if (!page) error(404, 'Event not found');
	if (page.ballot.entry) redirect(303, `/events/${event.params.slug}/ballot/entered`);
	return page;
};

export const actions = {
	default: async (event) => {
		const { user } = requireUser(event);
		const { values, answers } = readAnswerForm(await readForm(event.request));
		const page = await ballotEntryPage(event.params.slug, user);
		if (!page) error(404, 'Event not found');
		const outcome = await enterBallot(page.event.id, user.id, values, new Date(), answers);
		if (!outcome.ok)
			return fail(outcome.status, {
				values,
				answers,
				errors: outcome.errors ?? {},
				reason: outcome.reason ?? null
			});
		redirect(303, `/events/${event.params.slug}/ballot/entered`);
	}
};
