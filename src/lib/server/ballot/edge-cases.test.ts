import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { cancelEvent } from '../organiser/event-editor.ts';
import { createMember, createMemberInGoodStanding, emptyDatabase } from '../testing/fixtures.ts';
import {
	after,
	ballotEvent,
	bookingsOf,
	closes,
	during,
	mailTo,
	noAnswers
} from '../testing/ballot-fixtures.ts';
import { findEventBallot } from './allocation.ts';
import { enterBallot, withdrawEntry } from './entries.ts';
import { drawBallot, drawDueBallots } from './run-draw.ts';

beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.outbox);
});

const entriesOf = (eventId: number) =>
	db.select().from(table.ballotEntries).where(eq(table.ballotEntries.eventId, eventId));

async function enterWithNeeds(eventId: number) {
	const member = await createMemberInGoodStanding(during);
	const entered = await enterBallot(
		eventId,
		member.id,
		{ ...noAnswers, accessNeeds: ['step-free'], dietary: 'Coeliac' },
		during
	);
	expect(entered.ok).toBe(true);
	return member;
}

describe('a ballot at its edges', () => {
	it('cancelled during the window: entrants told, nothing drawn, and their answers erased', async () => {
		const event = await ballotEvent();
		const [a, b] = [await enterWithNeeds(event.id), await enterWithNeeds(event.id)];
		expect(JSON.stringify((await entriesOf(event.id)).map((e) => e.answers))).toContain(
			'step-free'
		);
		const organiser = await createMember();
		const [current] = await db.select().from(table.events).where(eq(table.events.id, event.id));
		expect(await cancelEvent(current, 'The tutor is ill', organiser.id, during)).toEqual({
			ok: true
		});
		for (const m of [a, b]) {
			const told = (await mailTo(m.email)).find((x) => x.template === 'ballot-cancelled')!;
			expect(told.textBody).toContain('there will be no draw');
		}
		expect((await entriesOf(event.id)).map((e) => e.answers)).toEqual([null, null]);
		expect(await drawDueBallots(after)).toBe(0);
		expect((await findEventBallot(event.id))!.drawnAt).toBeNull();
		expect(await bookingsOf(event.id)).toHaveLength(0);
	});

	it('a withdrawal at the same moment as the draw: either it counts and is left out, or the draw came first', async () => {
		for (let round = 0; round < 4; round++) {
			const event = await ballotEvent({ capacity: 1 });
			const members = [];
			for (let i = 0; i < 3; i++) members.push(await enterWithNeeds(event.id));
			const leaver = members[round % 3];
			const lastMoment = new Date(closes.getTime() - 1);
			// The draw's own clock says the window has closed; the withdrawal's is its last moment.
			const [withdrawn, drawn] = await Promise.all([
				withdrawEntry(event.id, leaver.id, lastMoment),
				drawBallot(event.id, null, after)
			]);
			expect(drawn.ok).toBe(true);
			const entries = await entriesOf(event.id);
			const own = entries.find((e) => e.userId === leaver.id)!;
			const bookings = await bookingsOf(event.id);
			const drawnOrder = (await findEventBallot(event.id))!.drawnOrder!;
			if (withdrawn.ok) {
				expect(own.status).toBe('withdrawn');
				expect(bookings.some((x) => x.userId === leaver.id)).toBe(false);
				expect(drawnOrder.map((o) => o.number)).not.toContain(own.entryNumber);
				expect(bookings).toHaveLength(2);
			} else {
				expect(['won', 'waitlisted']).toContain(own.status);
				expect(bookings).toHaveLength(3);
			}
			expect(bookings.filter((x) => x.status === 'confirmed')).toHaveLength(1);
		}
	});

	it('an entry at the moment of the close is refused, one a moment before is drawn', async () => {
		const event = await ballotEvent({ capacity: 2 });
		const early = await createMemberInGoodStanding(during);
		const late = await createMemberInGoodStanding(during);
		const [inTime, tooLate] = await Promise.all([
			enterBallot(event.id, early.id, noAnswers, new Date(closes.getTime() - 1)),
			enterBallot(event.id, late.id, noAnswers, closes)
		]);
		expect(inTime.ok).toBe(true);
		expect(tooLate).toMatchObject({ ok: false, reason: 'Entries have closed.' });
		expect(await drawBallot(event.id, null, after)).toMatchObject({ ok: true, winners: 1 });
	});
});
