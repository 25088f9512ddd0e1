import { fail, redirect } from '@sveltejs/kit';
import type { RequestEvent } from './$types';
import { formText } from '$lib/server/forms';
import { readForm } from '$lib/server/kit/read-form';
import { addEventOrganiser, listEventOrganisers } from '$lib/server/organiser/access';
import { loadEventSessions, updateEvent } from '$lib/server/organiser/event-editor';
import {
	eventFormValues,
	MAX_SESSIONS,
	readEventForm,
	withoutSessionRow,
	validateEventForm
} from '$lib/server/organiser/event-form';
import { managedEventOr404 } from '$lib/server/kit/organiser-guard';
import {
	bookingQuestionActions as questions,
	loadQuestionEditor
} from '$lib/server/kit/booking-question-actions';
import { readAllocationForm, validateAllocationForm } from '$lib/server/ballot/allocation-form';
import { saveAllocation } from '$lib/server/ballot/allocation';
import { organiserBallotView } from '$lib/server/ballot/organiser-ballot';
import { drawBallot } from '$lib/server/ballot/run-draw';

export const load = async (event) => {
	const { managed } = await managedEventOr404(event);
	const sessions = await loadEventSessions(managed.id);
	return {
		event: managed,
		values: eventFormValues(managed, sessions),
		organisers: await listEventOrganisers(managed.id),
		...(await loadQuestionEditor(managed.id, event.url.searchParams.get('question'))),
		allocation: await organiserBallotView(managed),
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
	allocation: async (event) => {
		const { viewer, managed } = await managedEventOr404(event);
		const allocationValues = readAllocationForm(await readForm(event.request));
		const sessions = await loadEventSessions(managed.id);
		const start = sessions[0]?.startsAt ?? managed.startsAt;
		const checked = validateAllocationForm(allocationValues, start);
		if (!checked.ok) return fail(400, { allocationValues, allocationErrors: checked.errors });
		const saved = await saveAllocation(managed, checked.choice, viewer.user.id);
		if (!saved.ok) return fail(409, { allocationValues, allocationErrors: saved.errors });
		redirect(303, `/organiser/events/${managed.id}?saved=allocation`);
	},
	runDraw: async (event) => {
		const { viewer, managed } = await managedEventOr404(event);
		const drawn = await drawBallot(managed.id, viewer.user.id);
		if (!drawn.ok) return fail(409, { drawMessage: drawn.reason });
		redirect(303, `/organiser/events/${managed.id}?saved=drawn`);
	},
	addOrganiser: async (event) => {
		const { viewer, managed } = await managedEventOr404(event);
		const email = formText(await readForm(event.request), 'organiserEmail');
		const added = await addEventOrganiser(managed.id, email, viewer.user.id);
		if (!added.ok) return fail(400, { organiserEmail: email, organiserError: added.reason });
		return { organiserAdded: added.name };
	},
	addQuestion: (event) => questions.addQuestion(event),
	changeQuestion: (event) => questions.changeQuestion(event),
	hideQuestion: (event) => questions.hideQuestion(event),
	showQuestion: (event) => questions.showQuestion(event),
	moveQuestion: (event) => questions.moveQuestion(event)
};
