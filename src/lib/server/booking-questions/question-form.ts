// The organiser's question editor: reading what they typed into a question to ask, or the
// message for each field that is wrong, by one Valibot schema. Pure; storage is in questions.ts.
import * as v from 'valibot';
import {
	bookingQuestionTypes,
	takesOptions,
	type BookingQuestionType,
	type QuestionDraft
} from '../../booking-question-types.ts';

export type { QuestionDraft };
import { acrossFields, checkForm, requiredText } from '../form-schema.ts';

export type QuestionFormValues = {
	type: string;
	wording: string;
	hint: string;
	options: string;
	required: string;
	sensitive: string;
};

export const QUESTION_LIMITS = { wording: 200, hint: 300, option: 100, options: 30 } as const;

export type CheckedQuestion =
	| { ok: true; draft: QuestionDraft }
	| { ok: false; errors: Partial<Record<keyof QuestionFormValues, string>> };

/** The organiser's list of choices: one a line, trimmed, blank lines and repeats left out. */
const choices = (typed: string) => [
	...new Set(
		typed
			.split(/\r?\n/)
			.map((line) => line.trim())
			.filter(Boolean)
	)
];

type Choices = { type: BookingQuestionType; options: string[] };
/** A rule on the choices, for a question whose answers are picked from them. */
const choiceRule = <Question extends Choices>(
	rule: (options: string[]) => boolean,
	message: string
) =>
	acrossFields<Question>(
		['options', 'type'],
		(q) => !takesOptions(q.type) || rule(q.options),
		message
	);

// Each choice rule is checked only while the choices have no message yet, so one shows at a time.
const QUESTION = v.pipe(
	v.object({
		type: v.picklist(bookingQuestionTypes, 'Select what kind of answer the question takes'),
		wording: requiredText(
			'Enter the question',
			QUESTION_LIMITS.wording,
			`The question must be ${QUESTION_LIMITS.wording} characters or fewer`,
			{ trim: true }
		),
		hint: v.pipe(
			v.string(),
			v.trim(),
			v.maxLength(
				QUESTION_LIMITS.hint,
				`The hint must be ${QUESTION_LIMITS.hint} characters or fewer`
			)
		),
		options: v.pipe(v.string(), v.transform(choices)),
		required: v.pipe(
			v.string(),
			v.transform((ticked) => ticked === 'yes')
		),
		sensitive: v.pipe(
			v.string(),
			v.transform((ticked) => ticked === 'yes')
		)
	}),
	choiceRule((options) => options.length >= 2, 'Enter at least 2 choices, one on each line'),
	choiceRule(
		(options) => options.length <= QUESTION_LIMITS.options,
		`Enter no more than ${QUESTION_LIMITS.options} choices`
	),
	choiceRule(
		(options) => options.every((o) => o.length <= QUESTION_LIMITS.option),
		`Keep each choice to ${QUESTION_LIMITS.option} characters or fewer`
	),
	v.transform((q): QuestionDraft => ({
		...q,
		hint: q.hint || null,
		options: takesOptions(q.type) ? q.options : []
	}))
);

export function checkQuestionForm(values: QuestionFormValues): CheckedQuestion {
	const checked = checkForm(QUESTION, values);
	return checked.ok ? { ok: true, draft: checked.data } : { ok: false, errors: checked.errors };
}

export const emptyQuestionForm: QuestionFormValues = {
	type: '',
	wording: '',
	hint: '',
	options: '',
	required: '',
	sensitive: ''
};
