import { requireRole } from '$lib/server/kit/guards';
import { listRounds } from '$lib/server/grants/round-editor';
import { grantBudget, latestRound } from '$lib/server/grants/rounds';
import { STAFF_STATUS_LABELS } from '$lib/server/grants/transitions';
import { listWelfareQueue, QUEUE_PAGE_SIZE } from '$lib/server/grants/welfare-queue';
import { queueSearch, readQueueQuery } from '$lib/server/grants/queue-query';

export const load = async (event) => {
	requireRole(event, 'welfare');
	const [round, allRounds] = await Promise.all([latestRound(), listRounds()]);
	const rounds = allRounds.map((r) => ({
		id: r.id,
		name: r.name,
		opensAt: r.opensAt,
		closesAt: r.closesAt
	}));
	const query = readQueueQuery(event.url.searchParams);
	if (!round)
		return {
			round: null,
			rounds,
			budget: null,
			queue: [],
			query,
			counts: {},
			pages: 0,
			search: ''
		};
	const [queue, budget] = await Promise.all([
		listWelfareQueue(round.id, query),
		grantBudget(round.id)
	]);
	return {
		rounds,
		round: {
			id: round.id,
			name: round.name,
			closesAt: round.closesAt,
			standardAwardPence: round.standardAwardPence,
			coolDownMonths: round.coolDownMonths
		},
		budget,
		query,
		/** Carried to each decision page, so its next and previous follow this view. */
		search: queueSearch({ ...query, page: 1 }),
		counts: queue.counts,
		matching: queue.matching,
		pages: Math.max(1, Math.ceil(queue.matching / QUEUE_PAGE_SIZE)),
		queue: queue.rows.map((row) => ({ ...row, statusLabel: STAFF_STATUS_LABELS[row.status] }))
	};
};
