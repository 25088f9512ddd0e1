// Grant rounds: which one is taking applications now, and its budget figures (committed = the
// awards of approved and paid applications; paid; left). Approvals are guarded against the
// same figure in SQL (review.ts), so what this module reports is what the guard enforces.
import { and, count, desc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import { db as defaultDb, table } from '../db/index.ts';
import type { GrantRound } from '../db/schema/index.ts';

export type GrantBudget = {
	budgetPence: number;
	committedPence: number;
	paidPence: number;
	leftPence: number;
};

/** SQL for the pence committed in a round: approved or paid awards. */
export function committedPenceSql(roundId: number | ReturnType<typeof sql>) {
	return sql`(select coalesce(sum(${table.grantApplications.awardPence}), 0) from ${table.grantApplications}
		where ${table.grantApplications.roundId} = ${roundId}
		and ${table.grantApplications.status} in ('approved', 'paid'))`;
}

export async function grantBudget(roundId: number, db = defaultDb): Promise<GrantBudget> {
	const [row] = await db
		.select({
			budgetPence: table.grantRounds.budgetPence,
			committedPence: sql<number>`coalesce(sum(case when ${table.grantApplications.status} in ('approved', 'paid') then ${table.grantApplications.awardPence} end), 0)`,
			paidPence: sql<number>`coalesce(sum(case when ${table.grantApplications.status} = 'paid' then ${table.grantApplications.awardPence} end), 0)`
		})
		.from(table.grantRounds)
		.leftJoin(
			table.grantApplications,
			// Only the rows that count, found by the (round, status) index: a round of 2,000
			// applications mostly still waiting costs a handful of reads, not 2,000.
			and(
				eq(table.grantApplications.roundId, table.grantRounds.id),
				inArray(table.grantApplications.status, ['approved', 'paid'])
			)
		)
		.where(eq(table.grantRounds.id, roundId))
		.groupBy(table.grantRounds.id);
	if (!row) return { budgetPence: 0, committedPence: 0, paidPence: 0, leftPence: 0 };
	const committedPence = Number(row.committedPence);
	return {
		budgetPence: row.budgetPence,
		committedPence,
		paidPence: Number(row.paidPence),
		leftPence: Math.max(0, row.budgetPence - committedPence)
	};
}

/**
 * The smallest award a welfare officer can approve: any amount of money, down to a penny. The
 * budget is spent only when what is left is less than this; a remainder below the standard
 * award can still fund a smaller one, so nobody is told the money has run out while it has not.
 */
export const SMALLEST_AWARD_PENCE = 1;

export type RoundState =
	| { kind: 'none' }
	| { kind: 'open'; round: GrantRound; budget: GrantBudget }
	/** Approvals have committed the whole budget: no new applications, though the dates say open. */
	| { kind: 'budget-spent'; round: GrantRound; budget: GrantBudget };

/** The round whose dates include now, if any, and whether it still takes applications. */
export async function currentRound(now = new Date(), db = defaultDb): Promise<RoundState> {
	const [round] = await db
		.select()
		.from(table.grantRounds)
		.where(and(lte(table.grantRounds.opensAt, now), gt(table.grantRounds.closesAt, now)))
		.orderBy(desc(table.grantRounds.opensAt))
		.limit(1);
	if (!round) return { kind: 'none' };
	const budget = await grantBudget(round.id, db);
	const spent = budget.leftPence < SMALLEST_AWARD_PENCE;
	return { kind: spent ? 'budget-spent' : 'open', round, budget };
}

/**
 * The round a welfare officer is working on: the latest one that has opened (the current one
 * while it is open), else the next to open.
 */
export async function latestRound(db = defaultDb, now = new Date()) {
	const [round] = await db
		.select()
		.from(table.grantRounds)
		.orderBy(
			sql`case when ${table.grantRounds.opensAt} <= ${now.getTime()} then 0 else 1 end`,
			sql`case when ${table.grantRounds.opensAt} <= ${now.getTime()} then -${table.grantRounds.opensAt} else ${table.grantRounds.opensAt} end`
		)
		.limit(1);
	return round ?? null;
}

export async function findRound(id: number, db = defaultDb) {
	const [round] = await db.select().from(table.grantRounds).where(eq(table.grantRounds.id, id));
	return round ?? null;
}

/** The next round to open after now, if one has been set up. */
export async function nextRound(now = new Date(), db = defaultDb) {
	const [round] = await db
		.select()
		.from(table.grantRounds)
		.where(gt(table.grantRounds.opensAt, now))
		.orderBy(table.grantRounds.opensAt)
		.limit(1);
	return round ?? null;
}

/**
 * Whether a round is taking applications now (its dates include now and its budget is not
 * committed): the header shows its **Winter fuel grant** link only then. One query, as it
 * runs on every page.
 */
export async function grantsTakingApplications(now = new Date(), db = defaultDb) {
	const r = table.grantRounds;
	const [row] = await db
		.select({ id: r.id })
		.from(r)
		.where(
			and(
				lte(r.opensAt, now),
				gt(r.closesAt, now),
				sql`${r.budgetPence} - ${committedPenceSql(sql`${r.id}`)} >= ${r.standardAwardPence}`
			)
		)
		.limit(1);
	return Boolean(row);
}

/** The home page's banner: shown only while a round takes applications. */
export async function grantBanner(now = new Date(), db = defaultDb) {
	const state = await currentRound(now, db);
	return state.kind === 'open' ? { name: state.round.name, closesAt: state.round.closesAt } : null;
}

/** The welfare officer's part of the staff dashboard: the latest round, its budget and queue. */
export async function welfareSummary(db = defaultDb) {
	const round = await latestRound(db);
	if (!round) return null;
	const [budget, waiting] = await Promise.all([
		grantBudget(round.id, db),
		db
			.select({ status: table.grantApplications.status, n: count() })
			.from(table.grantApplications)
			.where(
				and(
					eq(table.grantApplications.roundId, round.id),
					inArray(table.grantApplications.status, ['submitted', 'needs-info'])
				)
			)
			.groupBy(table.grantApplications.status)
	]);
	const of = (status: string) => waiting.find((w) => w.status === status)?.n ?? 0;
	return {
		round: { name: round.name },
		budget,
		toReview: of('submitted'),
		awaitingReply: of('needs-info')
	};
}
