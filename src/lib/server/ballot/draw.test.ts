import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	allocatePlaces,
	checkPublishedDraw,
	commitmentOf,
	drawKey,
	newDrawSeed,
	orderEntries,
	runDraw,
	verifyCommitment
} from './draw.ts';

const entriesOf = (n: number, guests = 0) =>
	Array.from({ length: n }, (_, i) => ({ number: i + 1, guests, priority: false }));

const seedArb = fc
	.uint8Array({ minLength: 32, maxLength: 32 })
	.map((b) => Buffer.from(b).toString('hex'));

describe('the commitment', () => {
	it('is the SHA-256 of the seed and verifies against it, and only it', () => {
		const seed = newDrawSeed();
		expect(seed).toMatch(/^[0-9a-f]{64}$/);
		const commitment = commitmentOf(seed);
		expect(commitment).toBe(createHash('sha256').update(seed).digest('hex'));
		expect(verifyCommitment(seed, commitment)).toBe(true);
		expect(verifyCommitment(seed, commitment.toUpperCase())).toBe(true);
		expect(verifyCommitment(newDrawSeed(), commitment)).toBe(false);
	});
});

describe('the drawn order', () => {
	it('is a pure function of seed and entries: same inputs, same order, whatever order given', () => {
		fc.assert(
			fc.property(seedArb, fc.integer({ min: 0, max: 40 }), fc.integer(), (seed, n, shuffle) => {
				const entries = entriesOf(n).map((e) => ({
					...e,
					priority: (e.number * shuffle) % 3 === 0
				}));
				const given = [...entries].sort(
					(a, b) => ((a.number * 7919 + shuffle) % 97) - ((b.number * 7919 + shuffle) % 97)
				);
				const first = orderEntries(seed, entries).map((e) => e.number);
				expect(orderEntries(seed, entries).map((e) => e.number)).toEqual(first);
				expect(orderEntries(seed, given).map((e) => e.number)).toEqual(first);
				expect([...first].sort((a, b) => a - b)).toEqual(entries.map((e) => e.number));
			})
		);
	});

	it('sorts by HMAC-SHA-256 of the seed and entry number', () => {
		const seed = 'published-seed';
		const order = orderEntries(seed, entriesOf(5)).map((e) => e.number);
		const byHand = [1, 2, 3, 4, 5].sort((a, b) => (drawKey(seed, a) < drawKey(seed, b) ? -1 : 1));
		expect(order).toEqual(byHand);
	});

	it('puts every priority entry before every other entry', () => {
		fc.assert(
			fc.property(seedArb, fc.array(fc.boolean(), { maxLength: 50 }), (seed, flags) => {
				const entries = flags.map((priority, i) => ({ number: i + 1, guests: 0, priority }));
				const order = orderEntries(seed, entries);
				const firstOther = order.findIndex((e) => !e.priority);
				if (firstOther >= 0) expect(order.slice(firstOther).every((e) => !e.priority)).toBe(true);
				const places = flags.length;
				const priorityCount = flags.filter(Boolean).length;
				const { winners } = allocatePlaces(order, priorityCount);
				expect(winners.every((e) => e.priority)).toBe(true);
				expect(winners).toHaveLength(priorityCount);
				expect(allocatePlaces(order, places).waiting).toHaveLength(0);
			})
		);
	});

	it('gives each entry a place with frequency places ÷ entries, over many seeds', () => {
		const SEEDS = 2000;
		fc.assert(
			fc.property(
				fc.integer({ min: 2, max: 10 }),
				fc.integer({ min: 1, max: 9 }),
				fc.string({ minLength: 1, maxLength: 16 }),
				(n, wanted, base) => {
					const places = Math.min(wanted, n - 1);
					const entries = entriesOf(n);
					const wins = new Array<number>(n + 1).fill(0);
					for (let i = 0; i < SEEDS; i++) {
						const seed = createHash('sha256').update(`${base}/${i}`).digest('hex');
						for (const w of runDraw(seed, entries, places).winners) wins[w.number]++;
					}
					const p = places / n;
					// Five standard deviations of a binomial frequency: a fair draw fails this about
					// once in 3.5 million entries checked, a biased one by a few points fails at once.
					const bound = 5 * Math.sqrt((p * (1 - p)) / SEEDS);
					for (let number = 1; number <= n; number++) {
						expect(Math.abs(wins[number] / SEEDS - p)).toBeLessThanOrEqual(bound);
					}
				}
			),
			{ numRuns: 8 }
		);
	}, 60_000);
});

describe('giving out places', () => {
	const e = (number: number, guests: number) => ({ number, guests, priority: false });

	it('passes over an entry whose party does not fit and keeps it at the top of the waiting list', () => {
		const ordered = [e(1, 0), e(2, 2), e(3, 0), e(4, 0), e(5, 0)];
		const { winners, waiting } = allocatePlaces(ordered, 3);
		expect(winners.map((w) => w.number)).toEqual([1, 3, 4]);
		expect(waiting.map((w) => w.number)).toEqual([2, 5]);
		expect(allocatePlaces(ordered, 3).passedOver).toBe(1);
	});

	it('never gives more places than there are', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 60 }),
				fc.integer({ min: 0, max: 40 }),
				(guests, places) => {
					const { winners, waiting } = allocatePlaces(
						guests.map((g, i) => e(i + 1, g)),
						places
					);
					expect(winners.reduce((sum, w) => sum + 1 + w.guests, 0)).toBeLessThanOrEqual(places);
					expect(winners.length + waiting.length).toBe(guests.length);
				}
			)
		);
	});

	it('gives everyone a place when places are unlimited or enough', () => {
		expect(allocatePlaces([e(1, 1), e(2, 0)], null).waiting).toEqual([]);
		expect(allocatePlaces([e(1, 1), e(2, 0)], 3).winners).toHaveLength(2);
		expect(runDraw('s', [], 5)).toEqual({ order: [], winners: [], waiting: [], passedOver: 0 });
	});
});

describe('checking a published draw', () => {
	it('matches when seed, commitment and order are as drawn, and not when any is changed', () => {
		const seed = newDrawSeed();
		const entries = entriesOf(8).map((x) => ({ ...x, priority: x.number % 3 === 0 }));
		const order = orderEntries(seed, entries).map(({ number, priority }) => ({ number, priority }));
		const published = { seed, commitment: commitmentOf(seed), order };
		expect(checkPublishedDraw(published)).toMatchObject({
			commitmentMatches: true,
			orderMatches: true
		});
		const swapped = [order[1], order[0], ...order.slice(2)];
		expect(checkPublishedDraw({ ...published, order: swapped }).orderMatches).toBe(false);
		expect(checkPublishedDraw({ ...published, seed: newDrawSeed() }).commitmentMatches).toBe(false);
	});
});
