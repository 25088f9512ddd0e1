import { fail, redirect } from '@sveltejs/kit';
import type { RequestEvent } from './$types';
import { formText } from '$lib/server/forms';
import { readForm } from '$lib/server/kit/read-form';
import { addEventOrganiser, listEventOrganisers } from '$lib/server/organiser/access';
import { sessionsOfEvent } from '$lib/server/events/sessions';
import { updateEvent } from '$lib/server/organiser/event-editor';
import {
	eventFormValues,
	MAX_SESSIONS,
	readEventForm,
	withoutSessionRow,
	validateEventForm
} from '$lib/server/organiser/event-form';
import { managedEventOr404 } from '$lib/server/kit/organiser-guard';

export const load = async (event) => {
	const { managed } = await managedEventOr404(event);
	const sessions = await sessionsOfEvent(managed.id);
	return {
		event: managed,
		values: eventFormValues(managed, sessions),
		organisers: await listEventOrganisers(managed.id),
		saved: event.url.searchParams.get('saved')
	};
};

async function save(event: RequestEvent, publish: boolean) {
	const { viewer, managed } = await managedEventOr404(event);
	const values = readEventForm(await readForm(event.request));
	const checked = validateEventForm(values);
	if (!checked.ok) return fail(400, { values, errors: checked.errors });
	const saved = await updateEvent(managed, checked.draft, viewer.user.id, publish);
	if (!saved.ok) return fail(409, { values, errors: saved.errors });
	const outcome = publish && managed.status === 'draft' ? 'published' : 'changes';
	redirect(303, `/organiser/events/${managed.id}?saved=${outcome}`);
}

export const actions = {
	save: (event) => save(event, false),
	publish: (event) => save(event, true),
	addSession: async (event) => {
		await managedEventOr404(event);
		const values = readEventForm(await readForm(event.request));
		if (values.sessions.length < MAX_SESSIONS)
			values.sessions.push({ date: '', start: '', end: '' });
		return { values, errors: {} as Record<string, string> };
	},
	removeSession: async (event) => {
		await managedEventOr404(event);
		const form = await readForm(event.request);
		const values = withoutSessionRow(readEventForm(form), formText(form, 'removeSession'));
		return { values, errors: {} as Record<string, string> };
	},
	addOrganiser: async (event) => {
		const { viewer, managed } = await managedEventOr404(event);
		const email = formText(await readForm(event.request), 'organiserEmail');
		const added = await addEventOrganiser(managed.id, email, viewer.user.id);
		if (!added.ok) return fail(400, { organiserEmail: email, organiserError: added.reason });
		return { organiserAdded: added.name };
	}
};
