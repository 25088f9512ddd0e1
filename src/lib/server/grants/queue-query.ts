// Reading the welfare queue's filters from a page address, and writing them back into links, so
// the decision page's next and previous walk the queue as the officer filtered it.
import { grantStatuses, type GrantStatus } from '../db/schema/index.ts';
import {
	QUEUE_FLAGS,
	QUEUE_SORTS,
	type QueueFlag,
	type QueueSort
} from '../../grants/queue-flags.ts';
import type { QueueQuery } from './queue-order.ts';

export function readQueueQuery(params: URLSearchParams): QueueQuery {
	const status = params.get('status');
	const flag = params.get('flag');
	const sort = params.get('sort');
	const page = Number(params.get('page'));
	return {
		status: grantStatuses.includes(status as GrantStatus) ? (status as GrantStatus) : null,
		flag: flag && Object.hasOwn(QUEUE_FLAGS, flag) ? (flag as QueueFlag) : null,
		sort: sort && Object.hasOwn(QUEUE_SORTS, sort) ? (sort as QueueSort) : 'queue',
		page: Number.isSafeInteger(page) && page > 1 && page < 100_000 ? page : 1
	};
}

/** The query string for these filters ('' for the plain queue). */
export function queueSearch(query: Partial<QueueQuery>) {
	const params = new URLSearchParams();
	if (query.status) params.set('status', query.status);
	if (query.flag) params.set('flag', query.flag);
	if (query.sort && query.sort !== 'queue') params.set('sort', query.sort);
	if (query.page && query.page > 1) params.set('page', String(query.page));
	const text = params.toString();
	return text ? `?${text}` : '';
}
