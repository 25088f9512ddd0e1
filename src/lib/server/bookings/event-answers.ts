// A member's answers for one event, read the same way for a booking and a ballot entry: the
// built-in questions (answers.ts) and the organiser's own (booking-questions/parse-answer.ts).
import type { Event } from '../db/schema/index.ts';
import { parseQuestionAnswers } from '../booking-questions/parse-answer.ts';
import { listEventQuestions } from '../booking-questions/questions.ts';
import { parseAnswers, type AnswerInput } from './answers.ts';

/** The answers to keep and the guests, or every message, under its field's name. */
export async function readEventAnswers(
	event: Pick<Event, 'id' | 'bookingQuestions' | 'guestsAllowed'>,
	input: AnswerInput,
	/** Every value posted under each organiser question's field name. */
	questionInput: Record<string, string[]>
) {
	const parsed = parseAnswers(input, event.bookingQuestions, event.guestsAllowed);
	const own = parseQuestionAnswers(
		await listEventQuestions(event.id, { askedOnly: true }),
		questionInput
	);
	if (!parsed.ok || !own.ok) {
		const errors = { ...(parsed.ok ? {} : parsed.errors), ...(own.ok ? {} : own.errors) };
		return { ok: false as const, errors: errors as Record<string, string> };
	}
	const answers = own.answers.length
		? { ...parsed.answers, questions: own.answers }
		: parsed.answers;
	return { ok: true as const, answers, guests: parsed.guests };
}
