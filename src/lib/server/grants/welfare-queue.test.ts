import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/index.ts';
import { createGrantRound, emptyDatabase } from '../testing/fixtures.ts';
import { RULE_BREAKERS, seedWelfareQueue } from '../testing/welfare-queue-seed.ts';
import { explainFlags } from './flag-reasons.ts';
import { findApplicationForReview } from './review.ts';
import { listWelfareQueue, QUEUE_PAGE_SIZE, queueNeighbours } from './welfare-queue.ts';

const now = new Date('2026-12-01T12:00:00Z');
let roundId = 0;
let ids: number[] = [];

beforeAll(async () => {
	await emptyDatabase();
	roundId = (await createGrantRound({}, now)).id;
	ids = await seedWelfareQueue(db, roundId, 2000, now, 'wq');
}, 60_000);

const everything = { status: null, flag: null, sort: 'queue' as const, page: 1 };

describe('the welfare queue at 2,000 applications', () => {
	it('flags exactly the rule breakers, each with the right flags', async () => {
		const flagged = new Map<number, string[]>();
		for (let page = 1; page <= 2000 / QUEUE_PAGE_SIZE; page++) {
			const { rows } = await listWelfareQueue(roundId, { ...everything, page });
			for (const row of rows) if (row.flags.length) flagged.set(row.id, row.flags);
		}
		const expected = new Map(
			Object.entries(RULE_BREAKERS).map(([i, flags]) => [ids[Number(i)], [...flags]])
		);
		expect(flagged).toEqual(expected);
	}, 30_000);

	it('filters, counts, sorts and pages by flag', async () => {
		const household = await listWelfareQueue(roundId, { ...everything, flag: 'household' });
		expect(household.rows.map((r) => [r.id, r.householdOf])).toEqual([
			[ids[4], ids[5]],
			[ids[5], ids[4]]
		]);
		expect(household.matching).toBe(2);
		const first = await listWelfareQueue(roundId, everything);
		expect(first.counts).toMatchObject({
			everyone: 2000,
			submitted: 2000,
			income: 2,
			savings: 2,
			'new-member': 1,
			'no-evidence': 2,
			household: 2,
			'cool-down': 1
		});
		expect(first.rows).toHaveLength(QUEUE_PAGE_SIZE);
		const byFlags = await listWelfareQueue(roundId, { ...everything, sort: 'flags' });
		expect(byFlags.rows[0].id).toBe(ids[7]);
		const last = await listWelfareQueue(roundId, { ...everything, page: 40 });
		// First-time applicants come first, so the one with an earlier grant is last.
		expect(last.rows.at(-1)?.id).toBe(ids[6]);
	});

	it('walks next and previous within the filter, and says why each flag is there', async () => {
		const place = await queueNeighbours(roundId, ids[7], { ...everything, flag: 'savings' });
		expect(place).toMatchObject({ previousId: ids[1], nextId: null });
		const found = await findApplicationForReview(ids[7]);
		const reasons = await explainFlags(place!.row, found!.application, found!.round);
		expect(reasons.map((r) => r.label)).toEqual([
			'Income over the limit',
			'Savings over the limit',
			'No evidence'
		]);
		expect(reasons[0].why).toBe(
			'The household’s income is £2,600 a month, at or over the round’s limit of £2,000, and no means-tested benefit was named.'
		);
		const household = await queueNeighbours(roundId, ids[4], everything);
		const other = await findApplicationForReview(ids[4]);
		const [why] = await explainFlags(household!.row, other!.application, other!.round);
		expect(why.link).toEqual({ href: `/organiser/grants/${ids[5]}`, text: 'WFG-WQ-5' });
	});
});
