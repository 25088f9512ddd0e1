import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import type { GrantRound } from '../db/schema/index.ts';
import { createGrantRound, createMember, emptyDatabase } from '../testing/fixtures.ts';
import { mailer, submitted } from '../testing/submitted-application.ts';
import { findApplicationByReference, withdrawApplication } from './applications.ts';
import { applicantDrawNotice, publishedGrantDraw } from './draw-view.ts';
import { chooseDrawnOrder, drawDueGrantRounds, drawRoundNow } from './drawn-order.ts';
import { fundReservesEverywhere } from './reserve-list.ts';
import { decideApplication, listGrantQueue } from './review.ts';

const now = new Date('2027-01-20T10:00:00Z');
const closesAt = new Date('2027-01-30T00:00:00Z');
const afterClose = new Date('2027-01-30T09:00:00Z');
const minute = (n: number) => new Date(afterClose.getTime() + n * 60_000);

async function apply(round: GrantRound) {
	const { member } = await submitted(round, { previousAward: true }, now);
	return member;
}

/** A drawn round of `count` applications, drawn by an officer just after the close. */
async function drawnRound(budgetPence: number, count: number) {
	const officer = await createMember({ roles: ['welfare'] });
	const round = await createGrantRound({ budgetPence, standardAwardPence: 10_000, closesAt }, now);
	await chooseDrawnOrder(round, true, officer.id, now);
	const members = [];
	for (let i = 0; i < count; i++) members.push(await apply(round));
	return { officer, round, members };
}

const approve = (id: number, officerId: number, pence: number, at: Date) =>
	decideApplication(id, { kind: 'approve', awardPence: pence }, officerId, mailer, at);

const mailOf = (template: string) =>
	db.select().from(table.outbox).where(eq(table.outbox.template, template));

beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.outbox);
});

describe('the budget of a drawn round is committed in the drawn order', () => {
	it('waits for the draw, keeps the reserve list for later and funds it when one ahead is declined', async () => {
		const { officer, round } = await drawnRound(20_000, 4);
		let queue = await listGrantQueue(round.id);
		const early = await approve(queue[0].id, officer.id, 10_000, now);
		expect(early).toMatchObject({ ok: false, error: expect.stringContaining('approvals wait') });
		expect(await drawRoundNow(round, officer.id, mailer, now)).toMatchObject({ ok: false });
		expect(await drawRoundNow(round, officer.id, mailer, afterClose)).toEqual({
			ok: true,
			placed: 4
		});
		expect(await drawRoundNow(round, officer.id, mailer, minute(1))).toMatchObject({ ok: false });

		queue = await listGrantQueue(round.id);
		expect(queue.map((q) => q.reservePosition)).toEqual([null, null, 1, 2]);
		const [first, second, reserve1, reserve2] = queue;
		expect(await approve(reserve1.id, officer.id, 10_000, minute(2))).toMatchObject({
			ok: false,
			error: expect.stringContaining('number 1 on the reserve list')
		});
		// £200 is held for the two within the budget: one of them cannot take £150 of it.
		expect(await approve(first.id, officer.id, 15_000, minute(3))).toMatchObject({
			ok: false,
			error: expect.stringContaining('held')
		});
		const notice = await applicantDrawNotice(reserve2, round);
		expect(notice?.text).toContain('number 2 on the reserve list');

		await decideApplication(
			second.id,
			{ kind: 'decline', reason: 'Savings' },
			officer.id,
			mailer,
			minute(4)
		);
		queue = await listGrantQueue(round.id);
		const byId = new Map(queue.map((q) => [q.id, q]));
		expect(byId.get(reserve1.id)!.reservePosition).toBeNull();
		expect(byId.get(reserve2.id)!.reservePosition).toBe(1);
		const funded = await mailOf('grant-reserve-funded');
		expect(funded).toHaveLength(1);
		expect(funded[0].subject).toContain(reserve1.reference);
		expect(funded[0].textBody).toContain('now goes to your application');
		expect((await applicantDrawNotice(reserve1, round))?.text).toContain('off the reserve list');

		expect(await approve(reserve1.id, officer.id, 10_000, minute(5))).toEqual({ ok: true });
		expect(await approve(first.id, officer.id, 10_000, minute(6))).toEqual({ ok: true });
		expect(await approve(reserve2.id, officer.id, 10_000, minute(7))).toMatchObject({ ok: false });
	});

	it('funds the next reserve when one ahead withdraws, and offers the last remainder in order', async () => {
		const { officer, round, members } = await drawnRound(25_000, 4);
		await drawRoundNow(round, officer.id, mailer, afterClose);
		let queue = await listGrantQueue(round.id);
		expect(queue.map((q) => q.reservePosition)).toEqual([null, null, 1, 2]);
		const [first, second, reserve1, reserve2] = queue;

		const leaver = members.find((m) => m.name === first.applicantName)!;
		const application = (await findApplicationByReference(leaver.id, first.reference))!;
		expect(await withdrawApplication(application, leaver.id, minute(1))).toBe(true);
		expect(await fundReservesEverywhere(mailer, minute(2))).toBe(1);
		expect(await fundReservesEverywhere(mailer, minute(3))).toBe(0);

		// £250: two standard awards, then £50 left goes to the next reserve once nothing is pending.
		expect(await approve(second.id, officer.id, 10_000, minute(4))).toEqual({ ok: true });
		expect(await approve(reserve1.id, officer.id, 10_000, minute(5))).toEqual({ ok: true });
		queue = await listGrantQueue(round.id);
		expect(queue.find((q) => q.id === reserve2.id)!.reservePosition).toBeNull();
		expect(await approve(reserve2.id, officer.id, 10_000, minute(6))).toMatchObject({ ok: false });
		expect(await approve(reserve2.id, officer.id, 5_000, minute(7))).toEqual({ ok: true });
		expect(await mailOf('grant-budget-spent-pending')).toHaveLength(0);
	});

	it('publishes the order as application numbers that check against the commitment', async () => {
		const { officer, round } = await drawnRound(20_000, 3);
		const before = (await publishedGrantDraw(round.id))!;
		expect(before.published).toBeNull();
		expect(before.commitment).toMatch(/^[0-9a-f]{64}$/);
		await drawRoundNow(round, officer.id, mailer, afterClose);
		const after = (await publishedGrantDraw(round.id))!;
		expect(after.check).toMatchObject({ commitmentMatches: true, orderMatches: true });
		const queue = await listGrantQueue(round.id);
		expect(after.published!.order.map((e) => e.number)).toEqual(queue.map((q) => q.id));
		expect(JSON.stringify(after)).not.toMatch(/@|Acacia|WFG-/);
	});

	it('draws once when the job and an officer draw at the same moment, and a budget raised later funds the reserve list', async () => {
		const { officer, round } = await drawnRound(10_000, 3);
		const [byOfficer, byJob] = await Promise.all([
			drawRoundNow(round, officer.id, mailer, afterClose),
			drawDueGrantRounds(mailer, afterClose)
		]);
		expect(Number(byOfficer.ok) + byJob).toBe(1);
		const told = [...(await mailOf('grant-drawn-order')), ...(await mailOf('grant-reserve-list'))];
		expect(told).toHaveLength(3);
		expect((await listGrantQueue(round.id)).map((q) => q.reservePosition)).toEqual([null, 1, 2]);

		await db
			.update(table.grantRounds)
			.set({ budgetPence: 30_000 })
			.where(eq(table.grantRounds.id, round.id));
		expect(await fundReservesEverywhere(mailer, minute(1))).toBe(2);
		expect((await listGrantQueue(round.id)).map((q) => q.reservePosition)).toEqual([
			null,
			null,
			null
		]);
		expect(await mailOf('grant-reserve-funded')).toHaveLength(2);
	});
});
