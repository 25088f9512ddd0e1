// The booking questions: access needs (structured choices plus free text), dietary needs,
// employer for course release time, and guests. Access and dietary answers are
// special-category data: only the member, the event's organisers and admins see them.
import type { BookingAnswers, BookingQuestions } from '../db/schema/index.ts';

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

export function parseAnswers(
	input: AnswerInput,
	questions: BookingQuestions,
	guestsAllowed: number
): ParsedAnswers {
	const errors: Partial<Record<keyof AnswerInput, string>> = {};
	const needs = input.accessNeeds.filter((n): n is AccessNeed => Object.hasOwn(ACCESS_NEEDS, n));
	if (needs.length !== input.accessNeeds.length)
		errors.accessNeeds = 'Choose access needs from the list';
	if (needs.includes('other') && !input.accessNotes.trim()) {
		errors.accessNotes = 'Tell us what access need you have';
	}
	for (const field of ['accessNotes', 'dietary', 'employer'] as const) {
		if (input[field].length > LIMITS[field])
			errors[field] = `Keep this to ${LIMITS[field]} characters or fewer`;
	}
	const guests = input.guests.trim() === '' ? 0 : Number(input.guests);
	if (!Number.isInteger(guests) || guests < 0 || guests > guestsAllowed) {
		errors.guests =
			guestsAllowed === 0
				? 'This event does not take guests'
				: `Enter a number of guests from 0 to ${guestsAllowed}`;
	}
	if (Object.keys(errors).length) return { ok: false, errors };
	const answers: BookingAnswers = {};
	if (questions.accessNeeds) {
		if (needs.length) answers.accessNeeds = needs;
		if (input.accessNotes.trim()) answers.accessNotes = input.accessNotes.trim();
	}
	if (questions.dietary && input.dietary.trim()) answers.dietary = input.dietary.trim();
	if (questions.employer && input.employer.trim()) answers.employer = input.employer.trim();
	return { ok: true, answers, guests };
}
