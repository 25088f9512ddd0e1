// A grant round decided in a drawn order: applications made inside the round's window are not
// decided in the order they arrive. At the close the eligible submitted applications are put in
// a random order, prepayment-meter households and first-time applicants first, with the same
// committed seed and HMAC order as an event ballot (ballot/draw.ts). The welfare queue follows
// that order, and those the budget cannot reach at the draw are told their reserve-list number.
import { and, eq, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { auditInsert, auditInsertWhen } from '../audit.ts';
import { commitmentOf, newDrawSeed, orderEntries } from '../ballot/draw.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { db as defaultDb, table } from '../db/index.ts';
import type { GrantRound } from '../db/schema/index.ts';
import { queueEmailIf } from '../email/outbox.ts';
import { formatDay } from '../../london-time.ts';
import { drawResultEmail } from './draw-emails.ts';
import { grantBudget } from './rounds.ts';

type Mailer = Pick<Config, 'origin' | 'branchName'>;
const a = table.grantApplications;

export async function findRoundDraw(roundId: number, db = defaultDb) {
	const [row] = await db
		.select()
		.from(table.grantRoundDraws)
		.where(eq(table.grantRoundDraws.roundId, roundId));
	return row ?? null;
}

/** What an applicant is told when they apply to a round with a drawn order. */
export function drawnOrderNotice(round: Pick<GrantRound, 'closesAt'>) {
	const lastDay = formatDay(new Date(round.closesAt.getTime() - 1));
	return `Your application is in. All applications made by ${lastDay} are treated the same; the order is drawn on ${formatDay(round.closesAt)}.`;
}

/** Turns the drawn order on or off; refused once anyone has submitted, or after the draw. */
export async function chooseDrawnOrder(
	round: GrantRound,
	drawn: boolean,
	officerId: number,
	now = new Date(),
	db = defaultDb
): Promise<{ ok: true } | { ok: false; error: string }> {
	const existing = await findRoundDraw(round.id, db);
	if (existing?.drawnAt) return { ok: false, error: 'The order has been drawn; it cannot change.' };
	const [submitted] = await db
		.select({ id: a.id })
		.from(a)
		.where(and(eq(a.roundId, round.id), sql`${a.status} <> 'draft'`))
		.limit(1);
	if (submitted)
		return {
			ok: false,
			error: 'Applications have been submitted, so the order they are decided in cannot change now.'
		};
	const seed = newDrawSeed();
	await db.batch([
		drawn
			? db
					.insert(table.grantRoundDraws)
					.values({ roundId: round.id, seed, commitment: commitmentOf(seed), createdAt: now })
					.onConflictDoNothing()
			: db
					.delete(table.grantRoundDraws)
					.where(
						and(eq(table.grantRoundDraws.roundId, round.id), isNull(table.grantRoundDraws.drawnAt))
					),
		auditInsert(
			db,
			{
				actorUserId: officerId,
				action: 'grant-round.order-set',
				subjectType: 'grant-round',
				subjectId: round.id,
				detail: { order: drawn ? 'drawn' : 'arrival' }
			},
			now
		)
	]);
	return { ok: true };
}

/** The eligible applications a draw orders: submitted or waiting for an answer at the close. */
async function readDrawApplications(round: GrantRound, db: Database) {
	const applications = await db
		.select({
			id: a.id,
			reference: a.reference,
			flags: a.flags,
			email: table.users.email,
			name: table.users.name
		})
		.from(a)
		.innerJoin(table.users, eq(table.users.id, a.userId))
		.where(
			and(
				eq(a.roundId, round.id),
				inArray(a.status, ['submitted', 'needs-info']),
				sql`${a.submittedAt} < ${round.closesAt.getTime()}`
			)
		);
	return applications.map((app) => ({
		...app,
		number: app.id,
		guests: 0,
		priority: Boolean(app.flags.prepayment || app.flags.firstTime)
	}));
}

type Placed = {
	app: Awaited<ReturnType<typeof readDrawApplications>>[number];
	position: number;
	reserve: number | null;
};

/** Each application's place and email, written only under this draw's own claim. */
function placeWrites(
	db: Database,
	round: GrantRound,
	places: Placed[],
	claimed: SQL,
	mailer: Mailer,
	now: Date
) {
	return [
		...places.map(({ app, position, reserve }) =>
			db.run(sql`insert into grant_draw_places (application_id, round_id, position, reserve_position)
				select ${app.id}, ${round.id}, ${position}, ${reserve} where ${claimed}`)
		),
		...places.map(({ app, position, reserve }) =>
			queueEmailIf(db, drawResultEmail(mailer, round, app, { position, reserve }), claimed, { now })
		)
	];
}

/**
 * Draws the order of a closed round, once, whoever asks (the job at the close, or an officer);
 * returns how many applications it placed, or null when it did not draw.
 */
export async function drawGrantRound(
	round: GrantRound,
	mailer: Mailer,
	now = new Date(),
	db = defaultDb,
	actorUserId: number | null = null
) {
	const draw = await findRoundDraw(round.id, db);
	if (!draw || draw.drawnAt || now < round.closesAt) return null;
	const order = orderEntries(draw.seed, await readDrawApplications(round, db));
	const budget = await grantBudget(round.id, db);
	const fundable = Math.floor(budget.leftPence / round.standardAwardPence);
	const claim = randomBytes(16).toString('hex');
	const claimed = sql`exists (select 1 from grant_round_draws where round_id = ${round.id} and draw_claim = ${claim})`;
	const places = order.map((app, i) => ({
		app,
		position: i + 1,
		reserve: i < fundable ? null : i - fundable + 1
	}));
	const [won] = await db.batch([
		db
			.update(table.grantRoundDraws)
			.set({
				drawnAt: now,
				drawClaim: claim,
				drawnOrder: order.map((e) => ({ number: e.number, priority: e.priority }))
			})
			.where(
				and(eq(table.grantRoundDraws.roundId, round.id), isNull(table.grantRoundDraws.drawnAt))
			)
			.returning({ roundId: table.grantRoundDraws.roundId }),
		...placeWrites(db, round, places, claimed, mailer, now),
		auditInsertWhen(
			db,
			claimed,
			{
				actorUserId,
				action: 'grant-round.order-drawn',
				subjectType: 'grant-round',
				subjectId: round.id,
				detail: { applications: order.length, fundable, commitment: draw.commitment }
			},
			now
		)
	]);
	return won.length === 1 ? order.length : null;
}

/** The background job: draws every closed round with a drawn order still to draw. */
export async function drawDueGrantRounds(mailer: Mailer, now = new Date(), db = defaultDb) {
	const due = await db
		.select({ round: table.grantRounds })
		.from(table.grantRoundDraws)
		.innerJoin(table.grantRounds, eq(table.grantRounds.id, table.grantRoundDraws.roundId))
		.where(and(isNull(table.grantRoundDraws.drawnAt), lte(table.grantRounds.closesAt, now)));
	let drawn = 0;
	for (const { round } of due) if ((await drawGrantRound(round, mailer, now, db)) !== null) drawn++;
	return drawn;
}

/** An officer's "Draw the order now", once the round has closed. */
export async function drawRoundNow(
	round: GrantRound,
	officerId: number,
	mailer: Mailer,
	now = new Date(),
	db = defaultDb
): Promise<{ ok: true; placed: number } | { ok: false; error: string }> {
	const draw = await findRoundDraw(round.id, db);
	if (!draw)
		return { ok: false, error: 'This round decides applications in the order they arrive.' };
	if (draw.drawnAt)
		return { ok: false, error: 'The order has been drawn. It cannot be drawn again.' };
	if (now < round.closesAt)
		return { ok: false, error: 'The round is still open: the order is drawn once it closes.' };
	const placed = await drawGrantRound(round, mailer, now, db, officerId);
	return placed === null
		? { ok: false, error: 'The order has just been drawn by someone else.' }
		: { ok: true, placed };
}
