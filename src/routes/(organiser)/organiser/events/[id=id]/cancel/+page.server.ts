import { fail, redirect } from '@sveltejs/kit';
import { formText } from '$lib/server/forms';
import { readForm } from '$lib/server/kit/read-form';
import { countLiveBookings } from '$lib/server/organiser/dashboard';
import { cancelEvent } from '$lib/server/organiser/event-editor';
import { managedEventOr404 } from '$lib/server/kit/organiser-guard';

export const load = async (event) => {
	const { managed } = await managedEventOr404(event);
	return { event: managed, liveBookings: await countLiveBookings(managed.id) };
};

export const actions = {
	cancel: async (event) => {
		const { viewer, managed } = await managedEventOr404(event);
		const reason = formText(await readForm(event.request), 'reason');
		const outcome = await cancelEvent(managed, reason, viewer.user.id);
		if (!outcome.ok) return fail(400, { reason, errors: outcome.errors });
		redirect(303, `/organiser/events/${managed.id}?saved=cancelled`);
	}
};
