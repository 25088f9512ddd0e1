// The event page's form actions for the organiser's own booking questions: add, change, hide or
// show again, and move. Kept apart from the event form's actions; each checks the organiser
// manages the event, then calls one rule in booking-questions/.
import { fail, type RequestEvent } from '@sveltejs/kit';
import { formId, formText } from '../forms.ts';
import { checkQuestionForm, type QuestionFormValues } from '../booking-questions/question-form.ts';
import {
	addQuestion,
	changeQuestion,
	countAnswers,
	listEventQuestions,
	moveQuestion,
	setQuestionHidden,
	type QuestionChange
} from '../booking-questions/questions.ts';
import { managedEventOr404 } from './organiser-guard.ts';
import { readForm } from './read-form.ts';

type PageEvent = Pick<RequestEvent, 'locals' | 'url' | 'request'> & {
	params: Partial<Record<string, string>>;
};

/** The editor's fields, named apart from the event form's on the same page. */
export function readQuestionForm(form: FormData): QuestionFormValues {
	return {
		type: formText(form, 'questionType'),
		wording: formText(form, 'questionWording'),
		hint: formText(form, 'questionHint'),
		options: formText(form, 'questionOptions', { trim: false }),
		required: formText(form, 'questionRequired'),
		sensitive: formText(form, 'questionSensitive')
	};
}

/** What the editor shows: every question with its number of answers, and the one being changed. */
export async function loadQuestionEditor(eventId: number, editing: string | null) {
	const [questions, answers] = await Promise.all([
		listEventQuestions(eventId),
		countAnswers(eventId)
	]);
	return {
		questions: questions.map((q) => ({ ...q, answers: answers.get(q.id) ?? 0 })),
		editingQuestion: questions.find((q) => String(q.id) === editing)?.id ?? null
	};
}

function answered(outcome: QuestionChange, done: string) {
	if (!outcome.ok) return fail(400, { questionProblem: outcome.reason });
	return { questionNotice: `${done}: ‘${outcome.question}’.` };
}

async function saveQuestion(event: PageEvent, changing: boolean) {
	const { viewer, managed } = await managedEventOr404(event);
	const form = await readForm(event.request);
	const values = readQuestionForm(form);
	const questionId = changing ? formId(form, 'question') : null;
	const checked = checkQuestionForm(values);
	if (!checked.ok || (changing && questionId === null))
		return fail(400, {
			questionForm: { values, questionId, errors: checked.ok ? {} : checked.errors },
			questionProblem: checked.ok ? 'That question is not on this event.' : null
		});
	const outcome = changing
		? await changeQuestion(managed.id, questionId!, checked.draft, viewer.user.id)
		: await addQuestion(managed.id, checked.draft, viewer.user.id);
	if (!outcome.ok)
		return fail(400, {
			questionForm: { values, questionId, errors: {} },
			questionProblem: outcome.reason
		});
	return answered(outcome, changing ? 'Question saved' : 'Question added');
}

async function onQuestion(
	event: PageEvent,
	act: (
		eventId: number,
		questionId: number,
		actor: number,
		form: FormData
	) => Promise<QuestionChange>,
	done: string
) {
	const { viewer, managed } = await managedEventOr404(event);
	const form = await readForm(event.request);
	const questionId = formId(form, 'question');
	if (questionId === null)
		return fail(400, { questionProblem: 'That question is not on this event.' });
	return answered(await act(managed.id, questionId, viewer.user.id, form), done);
}

export const bookingQuestionActions = {
	addQuestion: (event: PageEvent) => saveQuestion(event, false),
	changeQuestion: (event: PageEvent) => saveQuestion(event, true),
	hideQuestion: (event: PageEvent) =>
		onQuestion(event, (e, q, actor) => setQuestionHidden(e, q, true, actor), 'No longer asked'),
	showQuestion: (event: PageEvent) =>
		onQuestion(event, (e, q, actor) => setQuestionHidden(e, q, false, actor), 'Asked again'),
	moveQuestion: (event: PageEvent) =>
		onQuestion(
			event,
			(e, q, _actor, form) =>
				moveQuestion(e, q, formText(form, 'direction') === 'up' ? 'up' : 'down'),
			'Moved'
		)
};
