import { requireRole } from '$lib/server/kit/guards';
import { listGrantQueue } from '$lib/server/grants/review';
import { listRounds } from '$lib/server/grants/round-editor';
import { grantBudget, latestRound } from '$lib/server/grants/rounds';
import { STAFF_STATUS_LABELS } from '$lib/server/grants/transitions';
import { grantStatuses, type GrantStatus } from '$lib/server/db/schema';

export const load = async (event) => {
	requireRole(event, 'welfare');
	const [round, allRounds] = await Promise.all([latestRound(), listRounds()]);
	const rounds = allRounds.map((r) => ({
		id: r.id,
		name: r.name,
		opensAt: r.opensAt,
		closesAt: r.closesAt
	}));
	if (!round) return { round: null, rounds, budget: null, queue: [], filter: null, counts: {} };
	const queue = await listGrantQueue(round.id);
	const asked = event.url.searchParams.get('status');
	const filter = grantStatuses.includes(asked as GrantStatus) ? (asked as GrantStatus) : null;
	const counts: Record<string, number> = {};
	for (const row of queue) counts[row.status] = (counts[row.status] ?? 0) + 1;
	return {
		rounds,
		round: {
			id: round.id,
			name: round.name,
			closesAt: round.closesAt,
			standardAwardPence: round.standardAwardPence,
			coolDownMonths: round.coolDownMonths
		},
		budget: await grantBudget(round.id),
		filter,
		counts,
		queue: queue
			.filter((row) => !filter || row.status === filter)
			.map((row) => ({ ...row, statusLabel: STAFF_STATUS_LABELS[row.status] }))
	};
};
