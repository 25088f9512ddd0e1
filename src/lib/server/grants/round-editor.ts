// Setting up and changing grant rounds (welfare officers). The public page, the banner and the
// application pages take "the round whose dates include now", so rounds may not overlap: each
// write is one batch whose statement refuses an overlap in SQL (two officers saving at once
// cannot both win), with its audit record written only if the change happened. Once grants
// have been approved, the rules they were approved under stay fixed and the budget cannot
// drop below what is committed; once anyone has applied to a drawn round, its closing day
// (the day they were told the order is drawn) stays fixed too.
import { and, asc, eq, ne, sql, type SQL } from 'drizzle-orm';
import { db as defaultDb, table } from '../db/index.ts';
import type { GrantRound } from '../db/schema/index.ts';
import { formatDay, formatLongDate } from '../../london-time.ts';
import { londonDate } from '../../plain-date.ts';
import { auditInsertWhen } from '../audit.ts';
import { formatPounds } from './eligibility.ts';
import type { RoundDraft, RoundFormErrors } from './round-form.ts';
import { committedPenceSql, grantBudget } from './rounds.ts';

export type RoundSave = { ok: true; roundId: number } | { ok: false; errors: RoundFormErrors };

const r = table.grantRounds;
const a = table.grantApplications;

/** Fields an approval was made under: fixed once a grant has been approved. */
const RULE_FIELDS = [
	['opensAt', 'opensOn', 'opening date'],
	['standardAwardPence', 'standardAward', 'standard award'],
	['incomeThresholdPence', 'incomeThreshold', 'income limit'],
	['savingsLimitPence', 'savingsLimit', 'savings limit'],
	['coolDownMonths', 'coolDownMonths', 'cool-down']
] as const;

export async function listRounds(db = defaultDb) {
	return db.select().from(r).orderBy(asc(r.opensAt));
}

function overlapSql(draft: RoundDraft, exceptId: number | null): SQL {
	return sql`exists (select 1 from ${r} where ${r.opensAt} < ${draft.closesAt.getTime()}
		and ${r.closesAt} > ${draft.opensAt.getTime()}
		${exceptId === null ? sql`` : sql`and ${r.id} <> ${exceptId}`})`;
}

async function overlapping(draft: RoundDraft, exceptId: number | null, db = defaultDb) {
	const [other] = await db
		.select()
		.from(r)
		.where(
			and(
				sql`${r.opensAt} < ${draft.closesAt.getTime()}`,
				sql`${r.closesAt} > ${draft.opensAt.getTime()}`,
				exceptId === null ? undefined : ne(r.id, exceptId)
			)
		)
		.limit(1);
	return other ?? null;
}

function overlapError(other: GrantRound): RoundFormErrors {
	const lastDay = new Date(other.closesAt.getTime() - 1);
	return {
		opensOn: `These dates overlap the ${other.name} (${formatLongDate(other.opensAt)} to ${formatLongDate(lastDay)}). Only one round can take applications at a time: choose dates outside it.`
	};
}

const hasApprovals = (roundId: number) =>
	sql`exists (select 1 from ${a} where ${a.roundId} = ${roundId} and ${a.status} in ('approved', 'paid'))`;

/** A drawn round someone has applied to: each was told the order is drawn when it closes. */
const drawPromised = (roundId: number) =>
	sql`(exists (select 1 from ${table.grantRoundDraws} d where d.round_id = ${roundId})
		and exists (select 1 from ${a} where ${a.roundId} = ${roundId} and ${a.status} <> 'draft'))`;

/** The round's audit record, written only if the batch's previous statement saved the round. */
function auditWhenChanged(
	officerId: number,
	action: string,
	subjectId: number | SQL,
	draft: RoundDraft,
	now: Date,
	db = defaultDb
) {
	// changes() is the row count of the batch's previous statement: the round's insert or update.
	return auditInsertWhen(
		db,
		sql`changes() = 1`,
		{
			actorUserId: officerId,
			action,
			subjectType: 'grant_round',
			subjectId,
			detail: {
				...draft,
				opensAt: draft.opensAt.toISOString(),
				closesAt: draft.closesAt.toISOString()
			}
		},
		now
	);
}

export async function createRound(
	draft: RoundDraft,
	officerId: number,
	now = new Date(),
	db = defaultDb
): Promise<RoundSave> {
	const other = await overlapping(draft, null, db);
	if (other) return { ok: false, errors: overlapError(other) };
	const [inserted] = await db.batch([
		db.run(sql`insert into ${r} (name, opens_at, closes_at, budget_pence, standard_award_pence,
			income_threshold_pence, savings_limit_pence, cool_down_months, retention_months, created_by, created_at)
			select ${draft.name}, ${draft.opensAt.getTime()}, ${draft.closesAt.getTime()}, ${draft.budgetPence},
			${draft.standardAwardPence}, ${draft.incomeThresholdPence}, ${draft.savingsLimitPence},
			${draft.coolDownMonths}, ${draft.retentionMonths}, ${officerId}, ${now.getTime()}
			where not ${overlapSql(draft, null)}`),
		auditWhenChanged(officerId, 'grant-round.created', sql`last_insert_rowid()`, draft, now, db)
	]);
	if (inserted.rowsAffected === 1) return { ok: true, roundId: Number(inserted.lastInsertRowid) };
	const raced = await overlapping(draft, null, db);
	return {
		ok: false,
		errors: raced ? overlapError(raced) : { name: 'The round could not be saved. Try again.' }
	};
}

/** The rules (RULE_FIELDS) the draft sets differently from the saved round. */
function changedRules(round: GrantRound, draft: RoundDraft) {
	return RULE_FIELDS.filter(([key]) => {
		const before = round[key];
		const after = draft[key];
		return before instanceof Date
			? before.getTime() !== (after as Date).getTime()
			: before !== after;
	});
}

/** Why the changes cannot be made to a round with approved grants; empty when they can. */
async function approvalLimits(round: GrantRound, draft: RoundDraft, db = defaultDb) {
	const errors: RoundFormErrors = {};
	const budget = await grantBudget(round.id, db);
	const [approved] = await db
		.select({ id: a.id })
		.from(a)
		.where(and(eq(a.roundId, round.id), sql`${a.status} in ('approved', 'paid')`))
		.limit(1);
	if (!approved) return errors;
	for (const [, field, what] of changedRules(round, draft))
		errors[field] =
			`The ${what} cannot change: grants in this round have already been approved under it`;
	if (draft.budgetPence < budget.committedPence)
		errors.budget = `The budget cannot be less than the ${formatPounds(budget.committedPence)} already approved`;
	return errors;
}

/** Why a drawn round's closing day cannot move; empty when it can. */
async function drawLimits(round: GrantRound, draft: RoundDraft, db = defaultDb) {
	const errors: RoundFormErrors = {};
	if (draft.closesAt.getTime() === round.closesAt.getTime()) return errors;
	const [row] = await db.all<{ promised: number }>(
		sql`select ${drawPromised(round.id)} as promised`
	);
	if (row?.promised)
		errors.closesOn = `The closing date cannot change: people have applied and were told the order is drawn on ${formatDay(round.closesAt)}`;
	return errors;
}

/** Every reason the changes cannot be made; empty when they can. */
async function changeLimits(round: GrantRound, draft: RoundDraft, db = defaultDb) {
	return { ...(await approvalLimits(round, draft, db)), ...(await drawLimits(round, draft, db)) };
}

/** The form holds days, not times: a day left as it was keeps the round's own moment. */
function keepUnchangedDays(round: GrantRound, draft: RoundDraft): RoundDraft {
	const lastDay = (closesAt: Date) => londonDate(new Date(closesAt.getTime() - 1));
	return {
		...draft,
		opensAt:
			londonDate(draft.opensAt) === londonDate(round.opensAt) ? round.opensAt : draft.opensAt,
		closesAt: lastDay(draft.closesAt) === lastDay(round.closesAt) ? round.closesAt : draft.closesAt
	};
}

export async function updateRound(
	round: GrantRound,
	changes: RoundDraft,
	officerId: number,
	now = new Date(),
	db = defaultDb
): Promise<RoundSave> {
	const draft = keepUnchangedDays(round, changes);
	const other = await overlapping(draft, round.id, db);
	if (other) return { ok: false, errors: overlapError(other) };
	const limits = await changeLimits(round, draft, db);
	if (Object.keys(limits).length) return { ok: false, errors: limits };
	const rulesChanged = changedRules(round, draft).length > 0;
	const closingMoved = draft.closesAt.getTime() !== round.closesAt.getTime();
	const [updated] = await db.batch([
		db
			.update(r)
			.set(draft)
			.where(
				and(
					eq(r.id, round.id),
					sql`not ${overlapSql(draft, round.id)}`,
					sql`${committedPenceSql(round.id)} <= ${draft.budgetPence}`,
					rulesChanged ? sql`not ${hasApprovals(round.id)}` : undefined,
					closingMoved ? sql`not ${drawPromised(round.id)}` : undefined
				)
			),
		auditWhenChanged(officerId, 'grant-round.updated', round.id, draft, now, db)
	]);
	if (updated.rowsAffected === 1) return { ok: true, roundId: round.id };
	const raced = await overlapping(draft, round.id, db);
	if (raced) return { ok: false, errors: overlapError(raced) };
	const fresh = await changeLimits(round, draft, db);
	return {
		ok: false,
		errors: Object.keys(fresh).length
			? fresh
			: { name: 'The round could not be saved. Reload the page and try again.' }
	};
}
