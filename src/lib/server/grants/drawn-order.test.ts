import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkPublishedDraw } from '../ballot/draw.ts';
import { db, table } from '../db/index.ts';
import type { GrantRound, User } from '../db/schema/index.ts';
import { createGrantRound } from '../testing/fixtures.ts';
import { clearGrantDesk, mailer, submitted } from '../testing/submitted-application.ts';
import { chooseDrawnOrder, drawDueGrantRounds, findRoundDraw } from './drawn-order.ts';
import { decideApplication, listGrantQueue } from './review.ts';

const now = new Date('2027-01-20T10:00:00Z');

const submittedPaying = (round: GrantRound, paymentType: 'prepayment' | 'direct-debit') =>
	submitted(round, { paymentType, previousAward: true }, now);

const mailTo = (email: string) =>
	db.select().from(table.outbox).where(eq(table.outbox.recipient, email));

let officer: User;
beforeEach(async () => {
	officer = await clearGrantDesk();
});

describe('a grant round decided in a drawn order', () => {
	it('draws the order at the close, priority first, funds it in order and tells the rest their reserve number', async () => {
		const round = await createGrantRound(
			{
				budgetPence: 30_000,
				standardAwardPence: 10_000,
				closesAt: new Date('2027-01-30T00:00:00Z')
			},
			now
		);
		expect(await chooseDrawnOrder(round, true, officer.id, now)).toEqual({ ok: true });
		const others = [];
		for (let i = 0; i < 3; i++) others.push(await submittedPaying(round, 'direct-debit'));
		const meters = [
			await submittedPaying(round, 'prepayment'),
			await submittedPaying(round, 'prepayment')
		];
		const [received] = await mailTo(others[0].member.email);
		expect(received.textBody).toContain(
			'All applications made by Fri 29 Jan are treated the same; the order is drawn on Sat 30 Jan.'
		);
		expect(await chooseDrawnOrder(round, false, officer.id, now)).toMatchObject({ ok: false });

		expect(await drawDueGrantRounds(mailer, now)).toBe(0);
		const atClose = new Date('2027-01-30T00:00:00Z');
		expect(await drawDueGrantRounds(mailer, atClose)).toBe(1);
		expect(await drawDueGrantRounds(mailer, atClose)).toBe(0);

		const queue = await listGrantQueue(round.id);
		expect(queue.map((q) => q.drawPosition)).toEqual([1, 2, 3, 4, 5]);
		expect(
			queue
				.slice(0, 2)
				.map((q) => q.id)
				.sort()
		).toEqual(meters.map((m) => m.id).sort());
		expect(queue.map((q) => q.reservePosition)).toEqual([null, null, null, 1, 2]);

		const reserve = queue[3];
		const [reserveApplicant] = [...others, ...meters].filter((x) => x.id === reserve.id);
		const told = (await mailTo(reserveApplicant.member.email)).find(
			(m) => m.template === 'grant-reserve-list'
		)!;
		expect(told.textBody).toContain('number 1 on the reserve list');

		const draw = (await findRoundDraw(round.id))!;
		expect(
			checkPublishedDraw({ seed: draw.seed, commitment: draw.commitment, order: draw.drawnOrder! })
		).toMatchObject({ commitmentMatches: true, orderMatches: true });

		// Funded in order; a decline ahead lets the first reserve be funded within the budget.
		await decideApplication(
			queue[0].id,
			{ kind: 'approve', awardPence: 10_000 },
			officer.id,
			mailer
		);
		await decideApplication(
			queue[1].id,
			{ kind: 'decline', reason: 'Savings' },
			officer.id,
			mailer
		);
		await decideApplication(
			queue[2].id,
			{ kind: 'approve', awardPence: 10_000 },
			officer.id,
			mailer
		);
		expect(
			await decideApplication(
				reserve.id,
				{ kind: 'approve', awardPence: 10_000 },
				officer.id,
				mailer
			)
		).toEqual({ ok: true });
	});
});
