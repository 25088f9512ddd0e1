// Showing answers to organisers' own questions: as text, as spreadsheet columns, and filtering an
// attendee list by a chosen answer. Answers are shown under the wording the member saw.
import { answerLead, takesOptions } from '../../booking-question-types.ts';
import type { BookingAnswers, BookingQuestion, QuestionAnswer } from '../db/schema/index.ts';

export function answerText(answer: QuestionAnswer['answer']) {
	return Array.isArray(answer) ? answer.join('; ') : answer;
}

/** The answers a viewer may see: sensitive ones only for the event's organisers and admins. */
export function visibleAnswers(answers: BookingAnswers, options: { sensitive: boolean }) {
	return (answers.questions ?? []).filter((a) => options.sensitive || !a.sensitive);
}

export type AnswerFilter = { questionId: number; answer: string };

/** The answers an attendee list can be narrowed to: each choice of each list or yes/no question. */
export function answerFilterChoices(questions: BookingQuestion[]) {
	return questions.flatMap((question) => {
		const choices = takesOptions(question.type)
			? question.options
			: question.type === 'yes-no'
				? ['Yes', 'No']
				: [];
		return choices.map((choice) => ({
			value: `${question.id}:${choice}`,
			label: `${answerLead(question.wording)} ${choice}`
		}));
	});
}

export function parseAnswerFilter(value: string | null): AnswerFilter | null {
	const match = /^(\d{1,12}):(.{1,200})$/s.exec(value ?? '');
	return match ? { questionId: Number(match[1]), answer: match[2] } : null;
}

export function matchesAnswerFilter(answers: BookingAnswers, filter: AnswerFilter) {
	return (answers.questions ?? []).some(
		(a) =>
			a.questionId === filter.questionId &&
			(Array.isArray(a.answer) ? a.answer.includes(filter.answer) : a.answer === filter.answer)
	);
}

/** One spreadsheet column per question: headed with today's wording, filled with each answer. */
export function questionColumns(questions: Pick<BookingQuestion, 'id' | 'wording'>[]) {
	return {
		headers: questions.map((question) => question.wording),
		cells: (answers: BookingAnswers) =>
			questions.map((question) => {
				const given = answers.questions?.find((a) => a.questionId === question.id);
				return given ? answerText(given.answer) : null;
			})
	};
}
