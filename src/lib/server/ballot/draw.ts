// The draw itself, as a pure function of a secret seed and the entries: anyone holding the
// published seed and entry numbers can repeat it and get the same order. The documented rule:
//   commitment = SHA-256(seed), hex
//   key(entry) = HMAC-SHA-256(key = seed, message = the entry number in decimal), hex
//   order      = priority entries by key ascending, then every other entry by key ascending
// Places are then given in that order; an entry whose party does not fit the places left is
// passed over and heads the waiting list, so it is first in line for the next place that frees.
import { createHash, createHmac, randomBytes } from 'node:crypto';

export type DrawEntry = {
	/** Public, per event, 1 upwards: what the published order lists. */
	number: number;
	/** Places the entry needs beyond the member's own. */
	guests: number;
	/** Drawn before everyone else (no branch course place in the last 12 months). */
	priority: boolean;
};

export type Allocation<T extends DrawEntry> = {
	/** Everyone in drawn order. */
	order: T[];
	/** Given places, in drawn order. */
	winners: T[];
	/** The waiting list in order: entries passed over for their party size, then the rest. */
	waiting: T[];
	/** How many at the head of the waiting list were passed over for their party size. */
	passedOver: number;
};

/** A fresh secret seed: 32 random bytes as 64 hex digits. */
export function newDrawSeed(): string {
	return randomBytes(32).toString('hex');
}

export function commitmentOf(seed: string): string {
	return createHash('sha256').update(seed, 'utf8').digest('hex');
}

export function verifyCommitment(seed: string, commitment: string): boolean {
	return commitmentOf(seed) === commitment.trim().toLowerCase();
}

export function drawKey(seed: string, entryNumber: number): string {
	return createHmac('sha256', seed).update(String(entryNumber), 'utf8').digest('hex');
}

/** The entries in drawn order: priority group first, each group by its HMAC keys. */
export function orderEntries<T extends DrawEntry>(seed: string, entries: readonly T[]): T[] {
	const keyed = entries.map((entry) => ({ entry, key: drawKey(seed, entry.number) }));
	keyed.sort((a, b) => {
		if (a.entry.priority !== b.entry.priority) return a.entry.priority ? -1 : 1;
		if (a.key !== b.key) return a.key < b.key ? -1 : 1;
		return a.entry.number - b.entry.number;
	});
	return keyed.map((k) => k.entry);
}

/**
 * Gives `places` (null: unlimited) to the ordered entries. Each entry needs 1 + guests places;
 * one that does not fit is passed over, and later smaller entries may still fit.
 */
export function allocatePlaces<T extends DrawEntry>(
	ordered: readonly T[],
	places: number | null
): Omit<Allocation<T>, 'order'> {
	const winners: T[] = [];
	const passedOver: T[] = [];
	const rest: T[] = [];
	let left = places ?? Infinity;
	for (const entry of ordered) {
		const needed = 1 + entry.guests;
		if (needed <= left) {
			winners.push(entry);
			left -= needed;
		} else if (left > 0) {
			passedOver.push(entry);
		} else {
			rest.push(entry);
		}
	}
	return { winners, waiting: [...passedOver, ...rest], passedOver: passedOver.length };
}

/** The whole draw: order, winners and waiting list. */
export function runDraw<T extends DrawEntry>(
	seed: string,
	entries: readonly T[],
	places: number | null
): Allocation<T> {
	const order = orderEntries(seed, entries);
	return { order, ...allocatePlaces(order, places) };
}

/** What the event page publishes after the draw, and what `ballot:verify` recomputes. */
export type PublishedDraw = {
	seed: string;
	commitment: string;
	/** Every entry drawn, with its group, in the published order. */
	order: { number: number; priority: boolean }[];
};

export type DrawCheck = { commitmentMatches: boolean; orderMatches: boolean; expected: number[] };

export function checkPublishedDraw(published: PublishedDraw): DrawCheck {
	const entries = published.order.map((e) => ({ ...e, guests: 0 }));
	const expected = orderEntries(published.seed, entries).map((e) => e.number);
	return {
		commitmentMatches: verifyCommitment(published.seed, published.commitment),
		orderMatches:
			expected.length === published.order.length &&
			expected.every((n, i) => n === published.order[i].number),
		expected
	};
}
