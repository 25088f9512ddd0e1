import { eq } from 'drizzle-orm';
import { checkQuestionForm, emptyQuestionForm } from '../booking-questions/question-form.ts';
import { addQuestion, listEventQuestions } from '../booking-questions/questions.ts';
import { bookPlace } from '../bookings/book.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { emptyDatabase } from '../testing/fixtures.ts';
import { createMember, createMemberInGoodStanding } from '../testing/fixtures.ts';
import {
	after,
	ballotEvent,
	closes,
	during,
	entrants,
	mailTo,
	noAnswers,
	opens
} from '../testing/ballot-fixtures.ts';
import { enterBallot, withdrawEntry } from './entries.ts';
import { drawBallot } from './run-draw.ts';

beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.outbox);
});

describe('entering a ballot', () => {
	it('numbers entries, confirms each by email without a calendar invitation, and takes one per member', async () => {
		const event = await ballotEvent();
		const [a, b] = await entrants(event, 2);
		const [mail] = await mailTo(a.email);
		expect(mail.template).toBe('ballot-entered');
		expect(mail.textBody).toContain('Entry number');
		expect(mail.calendarIcs).toBeNull();
		const [second] = await mailTo(b.email);
		expect(second.textBody).toMatch(/Entry number\s*:?\s*2/);
		const again = await enterBallot(event.id, a.id, noAnswers, during);
		expect(again).toMatchObject({ ok: false, status: 409 });
	});

	it('refuses booking a place directly until the draw, and refuses entries outside the window', async () => {
		const event = await ballotEvent();
		const m = await createMemberInGoodStanding(during);
		const booked = await bookPlace(
			{ eventId: event.id, userId: m.id, answers: {}, guests: 0 },
			during
		);
		expect(booked).toMatchObject({ ok: false, reason: expect.stringContaining('by ballot') });
		expect(
			await enterBallot(event.id, m.id, noAnswers, new Date(opens.getTime() - 1))
		).toMatchObject({ ok: false });
		expect(await enterBallot(event.id, m.id, noAnswers, closes)).toMatchObject({
			ok: false,
			reason: 'Entries have closed.'
		});
	});

	it('applies the booking rules: a lapsed member may not enter a course ballot', async () => {
		const event = await ballotEvent();
		const lapsed = await createMember({ emailVerifiedAt: during });
		const entered = await enterBallot(event.id, lapsed.id, noAnswers, during);
		expect(entered).toMatchObject({ ok: false, status: 403 });
	});

	it('withdraws until the close, and not at the moment of the close', async () => {
		const event = await ballotEvent();
		const [a, b] = await entrants(event, 2);
		expect(await withdrawEntry(event.id, a.id, new Date(closes.getTime() - 1))).toMatchObject({
			ok: true
		});
		expect(await withdrawEntry(event.id, b.id, closes)).toMatchObject({ ok: false });
		const drawn = await drawBallot(event.id, null, after);
		expect(drawn).toMatchObject({ ok: true, winners: 1 });
	});

	it("asks the organisers' own questions, and the drawn place carries the answers", async () => {
		const event = await ballotEvent({ capacity: 1 });
		const organiser = await createMember();
		const checked = checkQuestionForm({
			...emptyQuestionForm,
			type: 'short-text',
			wording: 'Workplace',
			required: 'yes'
		});
		if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
		await addQuestion(event.id, checked.draft, organiser.id, during);
		const [question] = await listEventQuestions(event.id);
		const member = await createMemberInGoodStanding(during);
		const missing = await enterBallot(event.id, member.id, noAnswers, during);
		expect(missing).toMatchObject({ ok: false, status: 400 });
		expect(Object.keys((missing as { errors: object }).errors)).toEqual([`q-${question.id}`]);
		const entered = await enterBallot(event.id, member.id, noAnswers, during, {
			[`q-${question.id}`]: ['Tyseley depot']
		});
		expect(entered.ok).toBe(true);
		await drawBallot(event.id, null, after);
		const [booking] = await db
			.select()
			.from(table.bookings)
			.where(eq(table.bookings.userId, member.id));
		expect(JSON.stringify(booking.answers)).toContain('Tyseley depot');
		const [entry] = await db
			.select()
			.from(table.ballotEntries)
			.where(eq(table.ballotEntries.userId, member.id));
		expect(entry.answers).toBeNull();
	});
});
