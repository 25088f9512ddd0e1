import { fail } from '@sveltejs/kit';
import { formText } from '$lib/server/forms';
import { readForm } from '$lib/server/kit/read-form';
import { accessNeedsText } from '$lib/server/organiser/attendees-csv';
import {
	addAttendee,
	groupAttendees,
	isUnderway,
	listAttendees,
	removeAttendee,
	resendInvite,
	setCheckedIn
} from '$lib/server/organiser/attendees';
import { managedEventOr404 } from '$lib/server/kit/organiser-guard';
import type { RequestEvent } from './$types';
import {
	answerFilterChoices,
	answerText,
	matchesAnswerFilter,
	parseAnswerFilter,
	visibleAnswers
} from '$lib/server/booking-questions/answer-views';
import { listEventQuestions } from '$lib/server/booking-questions/questions';
import { loadAttendanceRule, setAttendanceRule } from '$lib/server/door/attendance-rule';
import { certificateStatuses } from '$lib/server/door/certificate-status';

export const load = async (event) => {
	const { managed } = await managedEventOr404(event);
	const search = event.url.searchParams.get('q')?.slice(0, 100) ?? '';
	const answer = event.url.searchParams.get('answer')?.slice(0, 220) ?? '';
	const filter = parseAnswerFilter(answer);
	const everyone = await listAttendees(managed.id);
	const found = search ? await listAttendees(managed.id, search) : everyone;
	const shown = filter ? found.filter((a) => matchesAnswerFilter(a.answers, filter)) : found;
	const all = groupAttendees(everyone);
	const certificates = await certificateStatuses(all.confirmed.map((a) => a.uid));
	return {
		event: managed,
		atTheDoor: isUnderway(managed),
		search,
		answer: filter ? answer : '',
		answerChoices: answerFilterChoices(await listEventQuestions(managed.id)),
		attendanceRule: await loadAttendanceRule(managed),
		certificates: Object.fromEntries(certificates),
		lists: groupAttendees(
			shown.map((a) => ({
				...a,
				access: accessNeedsText(a.answers),
				// This page is for the event's organisers and admins: sensitive answers included.
				own: visibleAnswers(a.answers, { sensitive: true }).map((given) => ({
					question: given.question,
					text: answerText(given.answer),
					sensitive: given.sensitive
				}))
			}))
		),
		counts: {
			confirmed: all.confirmed.length,
			offered: all.offered.length,
			waiting: all.waiting.length,
			cancelled: all.cancelled.length,
			here: all.confirmed.filter((a) => a.checkedInAt).length
		}
	};
};

async function onBooking(
	event: RequestEvent,
	act: (eventId: number, uid: string, actor: number) => Promise<{ ok: boolean }>
) {
	const { viewer, managed } = await managedEventOr404(event);
	const uid = formText(await readForm(event.request), 'booking');
	const outcome = (await act(managed.id, uid, viewer.user.id)) as
		{ ok: true; message: string } | { ok: false; reason: string };
	if (!outcome.ok) return fail(400, { error: outcome.reason });
	return { notice: outcome.message };
}

export const actions = {
	checkIn: (event) => onBooking(event, (id, uid, actor) => setCheckedIn(id, uid, true, actor)),
	undoCheckIn: (event) => onBooking(event, (id, uid, actor) => setCheckedIn(id, uid, false, actor)),
	resend: (event) => onBooking(event, resendInvite),
	remove: async (event) => {
		const { viewer, managed } = await managedEventOr404(event);
		const form = await readForm(event.request);
		const uid = formText(form, 'booking');
		// Removing someone cancels their place and emails them: it takes a second, deliberate press.
		if (formText(form, 'confirm') !== 'yes') return { confirmRemove: uid };
		const outcome = await removeAttendee(managed.id, uid, viewer.user.id);
		if (!outcome.ok) return fail(400, { error: outcome.reason });
		return { notice: outcome.message };
	},
	attendanceRule: async (event) => {
		const { viewer, managed } = await managedEventOr404(event);
		const typed = formText(await readForm(event.request), 'attendanceNeeded');
		const outcome = await setAttendanceRule(managed, typed, viewer.user.id);
		if (!outcome.ok) return fail(400, { attendanceNeeded: typed, ruleError: outcome.error });
		return { notice: outcome.message };
	},
	add: async (event) => {
		const { viewer, managed } = await managedEventOr404(event);
		const who = formText(await readForm(event.request), 'member');
		const outcome = await addAttendee(managed, who, viewer.user.id);
		if (!outcome.ok) return fail(400, { member: who, addError: outcome.reason });
		return { notice: outcome.message };
	}
};
