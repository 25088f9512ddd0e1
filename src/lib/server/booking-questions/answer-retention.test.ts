import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { eraseExpiredAnswers } from '../bookings/retention.ts';
import { db, table } from '../db/index.ts';
import type { QuestionAnswer } from '../db/schema/index.ts';
import { createBooking, createEvent, createMember, emptyDatabase } from '../testing/fixtures.ts';
import { checkQuestionForm, emptyQuestionForm } from './question-form.ts';
import {
	addQuestion,
	changeQuestion,
	countAnswers,
	listEventQuestions,
	moveQuestion,
	setQuestionHidden
} from './questions.ts';

const DAY = 24 * 3_600_000;
const now = new Date('2026-11-22T10:00:00Z');

beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.bookingQuestions);
});

function draft(fields: Partial<typeof emptyQuestionForm>) {
	const checked = checkQuestionForm({ ...emptyQuestionForm, ...fields });
	if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
	return checked.draft;
}

async function bookingAnswers(id: number) {
	const [row] = await db.select().from(table.bookings).where(eq(table.bookings.id, id));
	return row.answers;
}

const given = (questionId: number, question: string, answer: string, sensitive: boolean) =>
	({ questionId, question, answer, sensitive }) satisfies QuestionAnswer;

describe('answers to organisers’ questions over time', () => {
	it('erases sensitive answers 30 days after the event and keeps the rest', async () => {
		const organiser = await createMember();
		const old = await createEvent({ startsAt: new Date(now.getTime() - 31 * DAY) });
		const recent = await createEvent({ startsAt: new Date(now.getTime() - 5 * DAY) });
		await addQuestion(
			old.id,
			draft({ type: 'short-text', wording: 'Workplace' }),
			organiser.id,
			now
		);
		await addQuestion(
			old.id,
			draft({ type: 'long-text', wording: 'Health conditions', sensitive: 'yes' }),
			organiser.id,
			now
		);
		const [workplace, health] = await listEventQuestions(old.id);
		const answers = {
			employer: 'Council',
			questions: [
				given(workplace.id, 'Workplace', 'Depot', false),
				given(health.id, 'Health conditions', 'Asthma', true)
			]
		};
		const erased = await createBooking(old, { answers });
		const kept = await createBooking(recent, { answers });

		expect(await eraseExpiredAnswers(now)).toBe(1);
		expect(await bookingAnswers(erased.id)).toEqual({
			employer: 'Council',
			questions: [given(workplace.id, 'Workplace', 'Depot', false)]
		});
		expect(await bookingAnswers(kept.id)).toEqual(answers);
		expect(await eraseExpiredAnswers(now)).toBe(0);
	});

	it('also erases answers to a question marked sensitive after they were given', async () => {
		const organiser = await createMember();
		const old = await createEvent({ startsAt: new Date(now.getTime() - 40 * DAY) });
		await addQuestion(old.id, draft({ type: 'yes-no', wording: 'Pregnant?' }), organiser.id, now);
		const [question] = await listEventQuestions(old.id);
		const booking = await createBooking(old, {
			answers: { questions: [given(question.id, 'Pregnant?', 'Yes', false)] }
		});
		await changeQuestion(
			old.id,
			question.id,
			draft({ type: 'yes-no', wording: 'Pregnant?', sensitive: 'yes' }),
			organiser.id,
			now
		);
		expect(await eraseExpiredAnswers(now)).toBe(1);
		expect(await bookingAnswers(booking.id)).toEqual({ questions: [] });
	});

	it('keeps answers, under the wording seen, when a question is reworded or hidden', async () => {
		const organiser = await createMember();
		const event = await createEvent();
		await addQuestion(
			event.id,
			draft({ type: 'short-text', wording: 'Workplace' }),
			organiser.id,
			now
		);
		await addQuestion(event.id, draft({ type: 'number', wording: 'Years' }), organiser.id, now);
		const [question, years] = await listEventQuestions(event.id);
		const answers = { questions: [given(question.id, 'Workplace', 'Depot', false)] };
		const booking = await createBooking(event, { answers });

		await changeQuestion(
			event.id,
			question.id,
			draft({ type: 'short-text', wording: 'Which workplace?' }),
			organiser.id,
			now
		);
		await setQuestionHidden(event.id, question.id, true, organiser.id, now);
		expect(await bookingAnswers(booking.id)).toEqual(answers);
		expect((await listEventQuestions(event.id, { askedOnly: true })).map((q) => q.id)).toEqual([
			years.id
		]);
		expect(await countAnswers(event.id)).toEqual(new Map([[question.id, 1]]));

		await moveQuestion(event.id, years.id, 'up', now);
		expect((await listEventQuestions(event.id)).map((q) => q.wording)).toEqual([
			'Years',
			'Which workplace?'
		]);
		const audit = await db
			.select()
			.from(table.auditLog)
			.where(eq(table.auditLog.subjectId, String(event.id)));
		expect(audit.map((a) => a.action)).toEqual([
			'event.question-added',
			'event.question-added',
			'event.question-changed',
			'event.question-hidden'
		]);
	});

	it('refuses to change the kind of answer, or a question of another event', async () => {
		const organiser = await createMember();
		const event = await createEvent();
		const other = await createEvent();
		await addQuestion(
			event.id,
			draft({ type: 'short-text', wording: 'Workplace' }),
			organiser.id,
			now
		);
		const [question] = await listEventQuestions(event.id);
		expect(
			await changeQuestion(event.id, question.id, draft({ type: 'number', wording: 'W' }), 1, now)
		).toEqual({ ok: false, reason: 'The kind of answer cannot change once a question is added.' });
		expect(await setQuestionHidden(other.id, question.id, true, 1, now)).toEqual({
			ok: false,
			reason: 'That question is not on this event.'
		});
	});
});
