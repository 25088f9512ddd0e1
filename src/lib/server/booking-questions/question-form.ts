// The organiser's question editor: reading what they typed into a question to ask, or the
// message for each field that is wrong. Pure; storage is in questions.ts.
import {
	BOOKING_QUESTION_TYPES,
	takesOptions,
	type BookingQuestionType
} from '../../booking-question-types.ts';

export type QuestionFormValues = {
	type: string;
	wording: string;
	hint: string;
	options: string;
	required: string;
	sensitive: string;
};

export type QuestionDraft = {
	type: BookingQuestionType;
	wording: string;
	hint: string | null;
	options: string[];
	required: boolean;
	sensitive: boolean;
};

export const QUESTION_LIMITS = { wording: 200, hint: 300, option: 100, options: 30 } as const;

export type CheckedQuestion =
	| { ok: true; draft: QuestionDraft }
	| { ok: false; errors: Partial<Record<keyof QuestionFormValues, string>> };

export function checkQuestionForm(values: QuestionFormValues): CheckedQuestion {
	const errors: Partial<Record<keyof QuestionFormValues, string>> = {};
	const type = Object.hasOwn(BOOKING_QUESTION_TYPES, values.type)
		? (values.type as BookingQuestionType)
		: null;
	if (!type) errors.type = 'Select what kind of answer the question takes';
	const wording = values.wording.trim();
	if (!wording) errors.wording = 'Enter the question';
	else if (wording.length > QUESTION_LIMITS.wording)
		errors.wording = `The question must be ${QUESTION_LIMITS.wording} characters or fewer`;
	const hint = values.hint.trim();
	if (hint.length > QUESTION_LIMITS.hint)
		errors.hint = `The hint must be ${QUESTION_LIMITS.hint} characters or fewer`;
	const options = [
		...new Set(
			values.options
				.split(/\r?\n/)
				.map((line) => line.trim())
				.filter(Boolean)
		)
	];
	if (type && takesOptions(type)) {
		if (options.length < 2) errors.options = 'Enter at least 2 choices, one on each line';
		else if (options.length > QUESTION_LIMITS.options)
			errors.options = `Enter no more than ${QUESTION_LIMITS.options} choices`;
		else if (options.some((o) => o.length > QUESTION_LIMITS.option))
			errors.options = `Keep each choice to ${QUESTION_LIMITS.option} characters or fewer`;
	}
	if (!type || Object.keys(errors).length) return { ok: false, errors };
	return {
		ok: true,
		draft: {
			type,
			wording,
			hint: hint || null,
			options: takesOptions(type) ? options : [],
			required: values.required === 'yes',
			sensitive: values.sensitive === 'yes'
		}
	};
}

export const emptyQuestionForm: QuestionFormValues = {
	type: '',
	wording: '',
	hint: '',
	options: '',
	required: '',
	sensitive: ''
};
