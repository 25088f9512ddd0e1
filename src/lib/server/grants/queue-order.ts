// The welfare queue's filters, sort orders and counts, applied to the round's queue entries
// (queue-entries.ts). Plain functions over a list, so the queue page and the decision page's next
// and previous walk exactly the same order.
import type { GrantStatus } from '../db/schema/index.ts';
import { queueFlags, type QueueFlag, type QueueSort } from '../../grants/queue-flags.ts';
import type { QueueEntry } from './queue-entries.ts';

export type QueueQuery = {
	status: GrantStatus | null;
	flag: QueueFlag | null;
	sort: QueueSort;
	page: number;
};

type Compare = (a: QueueEntry, b: QueueEntry) => number;

const STATUS_RANK: Partial<Record<GrantStatus, number>> = {
	submitted: 0,
	'needs-info': 1,
	approved: 2
};
const QUEUE_STATUSES = ['submitted', 'needs-info', 'approved', 'paid', 'declined', 'withdrawn'];

/** Ascending, with an unknown time first, as SQL sorts NULL. */
const time = (entry: QueueEntry) => entry.submittedAt ?? -Infinity;
const oldestFirst: Compare = (a, b) => time(a) - time(b) || a.id - b.id;
const truthFirst = (x: boolean, y: boolean) => Number(y) - Number(x);

const ORDER: Record<QueueSort, Compare> = {
	// A drawn order (grants/drawn-order.ts), where the round has one, comes before every other rule.
	queue: (a, b) =>
		(STATUS_RANK[a.status] ?? 3) - (STATUS_RANK[b.status] ?? 3) ||
		(a.drawPosition ?? 1e9) - (b.drawPosition ?? 1e9) ||
		truthFirst(a.firstTime, b.firstTime) ||
		truthFirst(a.prepayment, b.prepayment) ||
		oldestFirst(a, b),
	flags: (a, b) => b.flags.length - a.flags.length || oldestFirst(a, b),
	newest: (a, b) => oldestFirst(b, a)
};

/** The entries this view shows, in its order. */
export function arrangeQueue(entries: QueueEntry[], query: Omit<QueueQuery, 'page'>) {
	return entries
		.filter(
			(entry) =>
				(!query.status || entry.status === query.status) &&
				(!query.flag || entry.flags.includes(query.flag))
		)
		.sort(ORDER[query.sort]);
}

/** How many applications have each status and each flag, for the filters' labels. */
export function countQueue(entries: QueueEntry[]) {
	const counts: Record<string, number> = { everyone: entries.length };
	for (const key of [...QUEUE_STATUSES, ...queueFlags]) counts[key] = 0;
	for (const entry of entries) {
		counts[entry.status] = (counts[entry.status] ?? 0) + 1;
		for (const flag of entry.flags) counts[flag] += 1;
	}
	return counts;
}
