import { fail, redirect } from '@sveltejs/kit';
import type { RequestEvent } from './$types';
import { createEvent } from '$lib/server/organiser/event-editor';
import {
	blankEventForm,
	MAX_SESSIONS,
	readEventForm,
	withoutSessionRow,
	validateEventForm
} from '$lib/server/organiser/event-form';
import { requireOrganiser } from '$lib/server/kit/organiser-guard';
import { formText } from '$lib/server/forms';
import { readForm } from '$lib/server/kit/read-form';

export const load = async (event) => {
	requireOrganiser(event);
	return { values: blankEventForm() };
};

async function save(event: RequestEvent, publish: boolean) {
	const { user } = requireOrganiser(event);
	const values = readEventForm(await readForm(event.request));
	const checked = validateEventForm(values);
	if (!checked.ok) return fail(400, { values, errors: checked.errors });
	const saved = await createEvent(checked.draft, user.id, publish);
	if (!saved.ok) return fail(409, { values, errors: saved.errors });
	redirect(303, `/organiser/events/${saved.eventId}?saved=${publish ? 'published' : 'draft'}`);
}

export const actions = {
	save: (event) => save(event, false),
	publish: (event) => save(event, true),
	addSession: async (event) => {
		requireOrganiser(event);
		const values = readEventForm(await readForm(event.request));
		if (values.sessions.length < MAX_SESSIONS)
			values.sessions.push({ date: '', start: '', end: '' });
		return { values, errors: {} as Record<string, string> };
	},
	removeSession: async (event) => {
		requireOrganiser(event);
		const form = await readForm(event.request);
		const values = withoutSessionRow(readEventForm(form), formText(form, 'removeSession'));
		return { values, errors: {} as Record<string, string> };
	}
};
