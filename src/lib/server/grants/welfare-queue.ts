// The welfare queue: each submitted application with what needs a look, worked out from its
// answers, the round's rules, the membership list, evidence and other applications. Filtering,
// sorting and paging happen in one SQL statement, so a winter of 2,000 applications stays quick.
import { sql, type SQL } from 'drizzle-orm';
import { db as defaultDb } from '../db/index.ts';
import type { GrantStatus } from '../db/schema/index.ts';
import type { QueueFlag, QueueSort } from '../../grants/queue-flags.ts';

export const QUEUE_PAGE_SIZE = 50;
const FOUR_WEEKS_MS = 28 * 24 * 3_600_000;

/** One row per application in the round (drafts left out), with a 0/1 column per flag. */
function flaggedApplications(roundId: number) {
	return sql`select a.id, a.reference, a.status, a.award_pence as awardPence,
		a.submitted_at as submittedAt, a.assisted_by is not null as assisted, u.name as applicantName,
		coalesce(json_extract(a.flags, '$.firstTime'), 0) as firstTime,
		coalesce(json_extract(a.flags, '$.prepayment'), 0) as prepayment,
		(json_extract(a.answers, '$.monthlyIncomePence') >= r.income_threshold_pence
			and coalesce(json_extract(a.answers, '$.meansTestedBenefit'), '') = '') as income,
		(json_extract(a.answers, '$.savingsUnderLimit') = 0) as savings,
		coalesce((select (unixepoch(m.joined_on) * 1000) > a.submitted_at - ${FOUR_WEEKS_MS}
			from members_register m where m.membership_number = u.membership_number), 0) as newMember,
		(a.erased_at is null and not exists (
			select 1 from grant_evidence e where e.application_id = a.id)) as noEvidence,
		(select o.id from grant_applications o where o.round_id = a.round_id
			and o.household_key = a.household_key and o.id <> a.id
			and o.status not in ('draft', 'withdrawn') order by o.id limit 1) as householdOf,
		(select o.reference from grant_applications o where o.round_id = a.round_id
			and o.household_key = a.household_key and o.id <> a.id
			and o.status not in ('draft', 'withdrawn') order by o.id limit 1) as householdRef,
		coalesce(json_extract(a.flags, '$.coolDown'), 0) as coolDown,
		d.position as drawPosition, d.reserve_position as reservePosition
	from grant_applications a
	join users u on u.id = a.user_id
	join grant_rounds r on r.id = a.round_id
	left join grant_draw_places d on d.application_id = a.id
	where a.round_id = ${roundId} and a.status <> 'draft'`;
}

const FLAG_COLUMN: Record<QueueFlag, SQL> = {
	income: sql`income = 1`,
	savings: sql`savings = 1`,
	'new-member': sql`newMember = 1`,
	'no-evidence': sql`noEvidence = 1`,
	household: sql`householdOf is not null`,
	'cool-down': sql`coolDown = 1`
};

const FLAG_COUNT = sql`(coalesce(income, 0) + coalesce(savings, 0) + newMember + noEvidence
	+ (householdOf is not null) + coolDown)`;

const ORDER: Record<QueueSort, SQL> = {
	// A drawn order (grants/drawn-order.ts), where the round has one, comes before every other rule.
	queue: sql`case status when 'submitted' then 0 when 'needs-info' then 1 when 'approved' then 2 else 3 end,
		coalesce(drawPosition, 1e9), firstTime desc, prepayment desc, submittedAt, id`,
	flags: sql`${FLAG_COUNT} desc, submittedAt, id`,
	newest: sql`submittedAt desc, id desc`
};

export type QueueQuery = {
	status: GrantStatus | null;
	flag: QueueFlag | null;
	sort: QueueSort;
	page: number;
};

type Row = {
	id: number;
	reference: string;
	status: GrantStatus;
	awardPence: number | null;
	submittedAt: number | null;
	assisted: number;
	applicantName: string;
	firstTime: number;
	prepayment: number;
	income: number | null;
	savings: number | null;
	newMember: number;
	noEvidence: number;
	householdOf: number | null;
	householdRef: string | null;
	coolDown: number;
	drawPosition: number | null;
	reservePosition: number | null;
};

function filtered(roundId: number, query: Pick<QueueQuery, 'status' | 'flag'>) {
	const where = [
		query.status ? sql`status = ${query.status}` : null,
		query.flag ? FLAG_COLUMN[query.flag] : null
	].filter((c): c is SQL => c !== null);
	return sql`select * from (${flaggedApplications(roundId)}) q
		${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}`;
}

export function toQueueRow(row: Row) {
	const flags: QueueFlag[] = [];
	if (row.income) flags.push('income');
	if (row.savings) flags.push('savings');
	if (row.newMember) flags.push('new-member');
	if (row.noEvidence) flags.push('no-evidence');
	if (row.householdOf !== null) flags.push('household');
	if (row.coolDown) flags.push('cool-down');
	return {
		id: Number(row.id),
		reference: row.reference,
		status: row.status,
		applicantName: row.applicantName,
		awardPence: row.awardPence,
		submittedAt: row.submittedAt === null ? null : new Date(Number(row.submittedAt)),
		assisted: Boolean(row.assisted),
		firstTime: Boolean(row.firstTime),
		prepayment: Boolean(row.prepayment),
		householdOf: row.householdOf === null ? null : Number(row.householdOf),
		householdRef: row.householdRef,
		drawPosition: row.drawPosition === null ? null : Number(row.drawPosition),
		reservePosition: row.reservePosition === null ? null : Number(row.reservePosition),
		flags
	};
}

export type QueueRow = ReturnType<typeof toQueueRow>;

/** One page of the queue, the total matching, and counts by status and by flag for the filters. */
export async function listWelfareQueue(roundId: number, query: QueueQuery, db = defaultDb) {
	const offset = (Math.max(1, query.page) - 1) * QUEUE_PAGE_SIZE;
	const [rows, totals] = await db.batch([
		db.all<Row>(sql`${filtered(roundId, query)} order by ${ORDER[query.sort]}
			limit ${QUEUE_PAGE_SIZE} offset ${offset}`),
		db.all<Record<string, number>>(sql`select count(*) as everyone,
			sum(status = 'submitted') as submitted, sum(status = 'needs-info') as "needs-info",
			sum(status = 'approved') as approved, sum(status = 'paid') as paid,
			sum(status = 'declined') as declined, sum(status = 'withdrawn') as withdrawn,
			sum(coalesce(income, 0)) as income, sum(coalesce(savings, 0)) as savings,
			sum(newMember) as "new-member", sum(noEvidence) as "no-evidence",
			sum(householdOf is not null) as household, sum(coolDown) as "cool-down",
			sum(${query.status ? sql`status = ${query.status}` : sql`1`}
				and ${query.flag ? FLAG_COLUMN[query.flag] : sql`1`}) as matching
			from (${flaggedApplications(roundId)}) q`)
	]);
	const counts = Object.fromEntries(
		Object.entries(totals[0] ?? {}).map(([k, v]) => [k, Number(v ?? 0)])
	);
	return { rows: rows.map(toQueueRow), counts, matching: counts.matching ?? 0 };
}

/** The application's own row, and the ones before and after it in the queue as filtered. */
export async function queueNeighbours(
	roundId: number,
	applicationId: number,
	query: Omit<QueueQuery, 'page'>,
	db = defaultDb
) {
	const [row] = await db.all<Row & { previousId: number | null; nextId: number | null }>(sql`
		select * from (select q.*, lag(id) over (order by ${ORDER[query.sort]}) as previousId,
			lead(id) over (order by ${ORDER[query.sort]}) as nextId
		from (${filtered(roundId, query)}) q) where id = ${applicationId}`);
	if (row) return { row: toQueueRow(row), previousId: row.previousId, nextId: row.nextId };
	// Outside the filter (it was decided since, say): its flags still show, without neighbours.
	const [alone] = await db.all<Row>(
		sql`select * from (${flaggedApplications(roundId)}) q where id = ${applicationId}`
	);
	return alone ? { row: toQueueRow(alone), previousId: null, nextId: null } : null;
}
