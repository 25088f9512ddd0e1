// The budget of a drawn round is committed in the drawn order. Every undecided application
// within the budget has a standard award held for it, so an approval may not spend that money
// (the guard below), and an application on the reserve list cannot be approved at all. When a
// decline, a withdrawal or a smaller award frees money, the next reserve applications come
// within the budget, in order, and are emailed; the rest of the reserve list moves up.
import { sql, type SQL } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { db as defaultDb, table } from '../db/index.ts';
import type { GrantRound } from '../db/schema/index.ts';
import { REFERENCE_PLACEHOLDER, reserveFundedEmail } from './draw-emails.ts';
import { committedPenceSql } from './rounds.ts';
import { formatPounds } from '../../money.ts';

type Mailer = Pick<Config, 'origin' | 'branchName'>;
type Round = Pick<GrantRound, 'id' | 'name' | 'standardAwardPence'>;

const OPEN = sql.raw(`('submitted', 'needs-info')`);

/** Pence held for the undecided applications within the budget, other than `exceptId`. */
function heldPenceSql(round: Round, exceptId: number | null = null) {
	return sql`(${round.standardAwardPence} * (select count(*) from grant_draw_places p
		join grant_applications x on x.id = p.application_id
		where p.round_id = ${round.id} and p.reserve_position is null and x.status in ${OPEN}
		${exceptId === null ? sql`` : sql`and x.id <> ${exceptId}`}))`;
}

const budgetSql = (roundId: number) =>
	sql`(select budget_pence from grant_rounds where id = ${roundId})`;

/**
 * How many reserve applications the money not held or committed can now take: whole standard
 * awards, and once nothing within the budget is undecided, the first reserve for any remainder
 * (a smaller award is still an award).
 */
function fundableSql(round: Round) {
	const spare = sql`(${budgetSql(round.id)} - ${committedPenceSql(round.id)} - ${heldPenceSql(round)})`;
	return sql`(case when ${spare} <= 0 then 0
		when ${heldPenceSql(round)} = 0 and ${spare} < ${round.standardAwardPence} then 1
		else cast(${spare} / ${round.standardAwardPence} as integer) end)`;
}

/**
 * The statements that bring reserve applications within the budget while money allows, tell
 * them, and renumber the reserve list; each reads the state as it is when it runs, so adding
 * them to the end of any batch that frees money is always correct, and running them again
 * changes nothing.
 */
export function fundReservesWrites(db: Database, round: Round, mailer: Mailer, now: Date) {
	const email = reserveFundedEmail(mailer, round);
	const fill = (text: string) => sql`replace(${text}, ${REFERENCE_PLACEHOLDER}, a.reference)`;
	return [
		db.run(sql`update grant_draw_places set reserve_position = null, funded_at = ${now.getTime()}
			where application_id in (select p.application_id from grant_draw_places p
				join grant_applications x on x.id = p.application_id
				where p.round_id = ${round.id} and p.reserve_position is not null and x.status in ${OPEN}
				order by p.position limit ${fundableSql(round)})`),
		db.run(sql`update grant_draw_places set reserve_position = (select count(*)
				from grant_draw_places p join grant_applications x on x.id = p.application_id
				where p.round_id = grant_draw_places.round_id and p.reserve_position is not null
				and x.status in ${OPEN} and p.position <= grant_draw_places.position)
			where round_id = ${round.id} and reserve_position is not null
			and application_id in (select id from grant_applications where status in ${OPEN})`),
		db.run(sql`insert into outbox
			(idempotency_key, recipient, recipient_name, template, subject, text_body, html_body,
			 status, attempts, next_attempt_at, created_at)
			select 'grant/' || a.reference || '/reserve-funded', lower(u.email), u.name, 'grant-reserve-funded',
			 ${fill(email.subject)}, ${fill(email.text)}, ${fill(email.html)},
			 'pending', 0, ${now.getTime()}, ${now.getTime()}
			from grant_draw_places p join grant_applications a on a.id = p.application_id
			join users u on u.id = a.user_id
			where p.round_id = ${round.id} and p.funded_at = ${now.getTime()} and u.deleted_at is null
			on conflict (idempotency_key) do nothing`)
	] as const;
}

/** Brings reserve applications within the budget now; returns how many it brought. */
export async function fundReserves(round: Round, mailer: Mailer, now = new Date(), db = defaultDb) {
	await db.batch(fundReservesWrites(db, round, mailer, now));
	const [row] = await db.all<{ n: number }>(
		sql`select count(*) as n from grant_draw_places where round_id = ${round.id} and funded_at = ${now.getTime()}`
	);
	return Number(row?.n ?? 0);
}

/** The background job's part: every drawn round with someone still on its reserve list. */
export async function fundReservesEverywhere(mailer: Mailer, now = new Date(), db = defaultDb) {
	const rounds = await db.all<Round>(sql`select r.id, r.name,
			r.standard_award_pence as standardAwardPence from grant_rounds r
		where exists (select 1 from grant_draw_places p join grant_applications x
			on x.id = p.application_id where p.round_id = r.id and p.reserve_position is not null
			and x.status in ${OPEN})`);
	let funded = 0;
	for (const round of rounds) funded += await fundReserves(round, mailer, now, db);
	return funded;
}

/**
 * The approval guard of a drawn round: the application is within the budget, and the award
 * leaves the money held for every other undecided application within it.
 */
export function drawnApprovalGuard(round: Round, applicationId: number, awardPence: number): SQL {
	return sql`exists (select 1 from grant_draw_places where application_id = ${applicationId}
			and reserve_position is null)
		and ${committedPenceSql(round.id)} + ${awardPence} + ${heldPenceSql(round, applicationId)}
			<= ${budgetSql(round.id)}`;
}

/** Where an application stands in its round's drawn order, if the round has one. */
export async function findDrawPlace(applicationId: number, db = defaultDb) {
	const [place] = await db
		.select()
		.from(table.grantDrawPlaces)
		.where(sql`${table.grantDrawPlaces.applicationId} = ${applicationId}`);
	return place ?? null;
}

/** Why a drawn round refused an approval, in words for the officer. */
export async function drawnApprovalRefusal(round: Round, applicationId: number, db = defaultDb) {
	const place = await findDrawPlace(applicationId, db);
	if (!place) return 'This application is not in the drawn order, so it cannot be approved.';
	if (place.reservePosition !== null)
		return `This application is number ${place.reservePosition} on the reserve list: the budget is held for the applications ahead of it in the drawn order. It can be approved once money is freed by a decline or withdrawal ahead.`;
	const [row] = await db.all<{ held: number }>(
		sql`select ${heldPenceSql(round, applicationId)} as held`
	);
	return `Approving this amount would use money held for the other undecided applications within the budget (${formatPounds(Number(row?.held ?? 0))} held). Approve a smaller award, or decide those first.`;
}
