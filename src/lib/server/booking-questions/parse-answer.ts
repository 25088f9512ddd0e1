// Reading a member's answer to one organiser question, by the question's type: pure, so each
// type's rules are tested alone. The messages follow the GOV.UK pattern and name the question.
import type { BookingQuestion, QuestionAnswer } from '../db/schema/index.ts';

export const ANSWER_LIMITS = { 'short-text': 200, 'long-text': 2000 } as const;
/** A number answer: up to two decimal places, and no larger than anyone would mean. */
const NUMBER = /^-?\d{1,9}(\.\d{1,2})?$/;

export type AskedQuestion = Pick<
	BookingQuestion,
	'id' | 'type' | 'wording' | 'options' | 'required' | 'sensitive'
>;

export type ParsedAnswer =
	{ ok: true; answer: QuestionAnswer | null } | { ok: false; error: string };

const quoted = (wording: string) =>
	`‘${wording.length > 80 ? `${wording.slice(0, 77)}…` : wording}’`;

/** `given` is every value the form sent under the question's field name. */
export function parseQuestionAnswer(question: AskedQuestion, given: string[]): ParsedAnswer {
	const values = given.map((v) => v.trim()).filter((v) => v !== '');
	const answered = (answer: string | string[]): ParsedAnswer => ({
		ok: true,
		answer: {
			questionId: question.id,
			question: question.wording,
			answer,
			sensitive: question.sensitive
		}
	});
	if (values.length === 0) {
		if (!question.required) return { ok: true, answer: null };
		return { ok: false, error: missingMessage(question) };
	}
	switch (question.type) {
		case 'short-text':
		case 'long-text': {
			const limit = ANSWER_LIMITS[question.type];
			if (values.length > 1)
				return { ok: false, error: `Enter one answer to ${quoted(question.wording)}` };
			if (values[0].length > limit)
				return { ok: false, error: `Keep your answer to ${limit} characters or fewer` };
			return answered(values[0]);
		}
		case 'one-choice':
			if (values.length > 1 || !question.options.includes(values[0]))
				return {
					ok: false,
					error: `Select one answer to ${quoted(question.wording)} from the list`
				};
			return answered(values[0]);
		case 'several-choices': {
			const chosen = [...new Set(values)];
			if (chosen.some((v) => !question.options.includes(v)))
				return { ok: false, error: `Select answers to ${quoted(question.wording)} from the list` };
			return answered(question.options.filter((o) => chosen.includes(o)));
		}
		case 'yes-no':
			if (values.length > 1 || (values[0] !== 'Yes' && values[0] !== 'No'))
				return { ok: false, error: `Select yes or no for ${quoted(question.wording)}` };
			return answered(values[0]);
		case 'number': {
			const written = values[0].replace(/,/g, '');
			if (values.length > 1 || !NUMBER.test(written))
				return {
					ok: false,
					error: `Enter a number for ${quoted(question.wording)}, like 3 or 2.5`
				};
			return answered(String(Number(written)));
		}
	}
}

function missingMessage(question: AskedQuestion) {
	const asked = quoted(question.wording);
	switch (question.type) {
		case 'one-choice':
			return `Select an answer to ${asked}`;
		case 'several-choices':
			return `Select at least one answer to ${asked}`;
		case 'yes-no':
			return `Select yes or no for ${asked}`;
		case 'number':
			return `Enter a number for ${asked}`;
		default:
			return `Enter an answer to ${asked}`;
	}
}

/** The field name a question's answer is posted under. */
export function questionField(questionId: number) {
	return `q-${questionId}`;
}

/** Every asked question's answer, or the message for each one that is wrong. */
export function parseQuestionAnswers(
	questions: AskedQuestion[],
	input: Record<string, string[]>
): { ok: true; answers: QuestionAnswer[] } | { ok: false; errors: Record<string, string> } {
	const answers: QuestionAnswer[] = [];
	const errors: Record<string, string> = {};
	for (const question of questions) {
		const field = questionField(question.id);
		const parsed = parseQuestionAnswer(question, input[field] ?? []);
		if (!parsed.ok) errors[field] = parsed.error;
		else if (parsed.answer) answers.push(parsed.answer);
	}
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers };
}
