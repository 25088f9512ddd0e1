// The booking questions: access needs (structured choices plus free text), dietary needs,
// employer for course release time, and guests. Access and dietary answers are
// special-category data: only the member, the event's organisers and admins see them.
import * as v from 'valibot';
import type { BookingAnswers, BookingQuestions } from '../db/schema/index.ts';
import { acrossFields, checkForm } from '../form-schema.ts';
import { formFields, formNumberedFields } from '../forms.ts';

export const ACCESS_NEEDS = {
	'step-free': 'Step-free access',
	'hearing-loop': 'Hearing loop',
	bsl: 'BSL interpreter',
	'large-print': 'Large print',
	'quiet-room': 'Quiet room',
	other: 'Other (tell us below)'
} as const;
export type AccessNeed = keyof typeof ACCESS_NEEDS;

const LIMITS = { accessNotes: 1000, dietary: 300, employer: 200 };

export type AnswerInput = {
	accessNeeds: string[];
	accessNotes: string;
	dietary: string;
	employer: string;
	guests: string;
};

export type ParsedAnswers =
	| { ok: true; answers: BookingAnswers; guests: number }
	| { ok: false; errors: Partial<Record<keyof AnswerInput, string>> };

const isAccessNeed = (need: string): need is AccessNeed => Object.hasOwn(ACCESS_NEEDS, need);

const limited = (field: keyof typeof LIMITS) =>
	v.pipe(
		v.string(),
		v.maxLength(LIMITS[field], `Keep this to ${LIMITS[field]} characters or fewer`)
	);

/** The built-in questions' answers as one schema; how many guests depends on the event. */
function answersSchema(questions: BookingQuestions, guestsAllowed: number) {
	const tooManyGuests =
		guestsAllowed === 0
			? 'This event does not take guests'
			: `Enter a number of guests from 0 to ${guestsAllowed}`;
	return v.pipe(
		v.object({
			accessNeeds: v.pipe(
				v.array(v.string()),
				v.check((needs) => needs.every(isAccessNeed), 'Choose access needs from the list')
			),
			accessNotes: limited('accessNotes'),
			dietary: limited('dietary'),
			employer: limited('employer'),
			guests: v.pipe(
				v.string(),
				v.transform((guests) => (guests.trim() === '' ? 0 : Number(guests))),
				v.integer(tooManyGuests),
				v.minValue(0, tooManyGuests),
				v.maxValue(guestsAllowed, tooManyGuests)
			)
		}),
		acrossFields(
			['accessNotes'],
			(input) => !input.accessNeeds.includes('other') || input.accessNotes.trim() !== '',
			'Tell us what access need you have'
		),
		v.transform((input) => ({ answers: askedAnswers(input, questions), guests: input.guests }))
	);
}

/** Only what the event asks is kept, trimmed; a blank answer is no answer. */
function askedAnswers(input: Omit<AnswerInput, 'guests'>, questions: BookingQuestions) {
	const answers: BookingAnswers = {};
	if (questions.accessNeeds) {
		const needs = input.accessNeeds.filter(isAccessNeed);
		if (needs.length) answers.accessNeeds = needs;
		if (input.accessNotes.trim()) answers.accessNotes = input.accessNotes.trim();
	}
	if (questions.dietary && input.dietary.trim()) answers.dietary = input.dietary.trim();
	if (questions.employer && input.employer.trim()) answers.employer = input.employer.trim();
	return answers;
}

export function parseAnswers(
	input: AnswerInput,
	questions: BookingQuestions,
	guestsAllowed: number
): ParsedAnswers {
	const checked = checkForm(answersSchema(questions, guestsAllowed), input);
	return checked.ok ? { ok: true, ...checked.data } : { ok: false, errors: checked.errors };
}

/** The booking or ballot entry form as typed: the built-in questions and the organiser's own. */
export function readAnswerForm(form: FormData) {
	const values: AnswerInput = {
		accessNeeds: form
			.getAll('accessNeeds')
			.filter((need): need is string => typeof need === 'string')
			.slice(0, 10),
		...formFields(form, ['accessNotes', 'dietary', 'employer', 'guests'])
	};
	/** Every value posted under each organiser question's field name (q-12…). */
	const answers = formNumberedFields(form, 'q-');
	return { values, answers };
}
