// Every submitted application in a round, reduced to what the welfare queue filters, counts and
// sorts by: its status, its place in a drawn order, and its flags. Worked out in one pass over the
// round (two statements, run together by queue-entries-cache.ts) and handed back as compact JSON,
// because a winter of 2,000 applications read as 2,000 separate rows costs more than the rules.
import { sql } from 'drizzle-orm';
import type { GrantStatus } from '../db/schema/index.ts';
import { queueFlags, type QueueFlag } from '../../grants/queue-flags.ts';

const FOUR_WEEKS_MS = 28 * 24 * 3_600_000;

export type QueueEntry = {
	id: number;
	status: GrantStatus;
	submittedAt: number | null;
	drawPosition: number | null;
	firstTime: boolean;
	prepayment: boolean;
	flags: QueueFlag[];
	/** The first other live application from the same household, if there is one. */
	householdOf: number | null;
};

/** One application as compactRows writes it: the order of the columns in its json_array. */
type CompactRow = [
	id: number,
	status: GrantStatus,
	submittedAt: number | null,
	drawPosition: number | null,
	firstTime: number,
	prepayment: number,
	income: number,
	savings: number,
	newMember: number,
	noEvidence: number,
	coolDown: number
];

export function compactRows(roundId: number) {
	return sql`select json_group_array(json_array(a.id, a.status, a.submitted_at, d.position,
		coalesce(json_extract(a.flags, '$.firstTime'), 0),
		coalesce(json_extract(a.flags, '$.prepayment'), 0),
		coalesce(json_extract(a.answers, '$.monthlyIncomePence') >= r.income_threshold_pence
			and coalesce(json_extract(a.answers, '$.meansTestedBenefit'), '') = '', 0),
		coalesce(json_extract(a.answers, '$.savingsUnderLimit') = 0, 0),
		coalesce((select (unixepoch(m.joined_on) * 1000) > a.submitted_at - ${FOUR_WEEKS_MS}
			from members_register m where m.membership_number = u.membership_number), 0),
		(a.erased_at is null and not exists (
			select 1 from grant_evidence e where e.application_id = a.id)),
		coalesce(json_extract(a.flags, '$.coolDown'), 0))) as rows
	from grant_applications a
	join users u on u.id = a.user_id
	join grant_rounds r on r.id = a.round_id
	left join grant_draw_places d on d.application_id = a.id
	where a.round_id = ${roundId} and a.status <> 'draft'`;
}

/** Households with more than one application in the round: all their ids, and the live ones. */
export function sharedHouseholds(roundId: number) {
	return sql`select group_concat(id) as ids,
		group_concat(case when status <> 'withdrawn' then id end) as live
	from grant_applications
	where round_id = ${roundId} and status <> 'draft' and household_key is not null
	group by household_key having count(*) > 1`;
}

const toIds = (list: string | null) => (list ? list.split(',').map(Number) : []);

/** Each application → the lowest-numbered other live application from its household. */
function householdMatches(households: SharedHousehold[]) {
	const matches = new Map<number, number>();
	for (const household of households) {
		const live = toIds(household.live).sort((x, y) => x - y);
		for (const id of toIds(household.ids)) {
			const other = live.find((liveId) => liveId !== id);
			if (other !== undefined) matches.set(id, other);
		}
	}
	return matches;
}

export type SharedHousehold = { ids: string; live: string | null };

/** The entries from what compactRows and sharedHouseholds read. */
export function toQueueEntries(json: string | undefined, households: SharedHousehold[]) {
	const matches = householdMatches(households);
	const rows = JSON.parse(json ?? '[]') as CompactRow[];
	return rows.map((row) => {
		const [id, status, submittedAt, drawPosition, firstTime, prepayment] = row;
		const householdOf = matches.get(id) ?? null;
		const on: Record<QueueFlag, boolean> = {
			income: row[6] === 1,
			savings: row[7] === 1,
			'new-member': row[8] === 1,
			'no-evidence': row[9] === 1,
			household: householdOf !== null,
			'cool-down': row[10] === 1
		};
		return {
			id,
			status,
			submittedAt,
			drawPosition,
			firstTime: firstTime === 1,
			prepayment: prepayment === 1,
			flags: queueFlags.filter((flag) => on[flag]),
			householdOf
		} satisfies QueueEntry;
	});
}
