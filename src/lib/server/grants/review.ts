// The welfare officer's side: the queue, and the four decisions (approve, decline, ask for more
// information, mark as paid). Each decision is one batch: the status change guarded on the old
// status, a history line, an audit record and the applicant's email, the last three written only
// if the change happened. An approval is also guarded on the round's budget in the same UPDATE,
// so two officers approving the last £100 at once cannot both succeed (invariant 4).
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { auditInsert, auditInsertWhen } from '../audit.ts';
import type { Config } from '../config.ts';
import { db as defaultDb, table } from '../db/index.ts';
import type { GrantApplication, GrantRound, GrantStatus } from '../db/schema/index.ts';
import { queueEmailIf } from '../email/outbox.ts';
import { grantEmail, type GrantEmailKind } from '../email/templates/grants.ts';
import { findApplicationWithApplicant } from './applications.ts';
import { decryptBankDetails } from './bank-details.ts';
import { formatPounds } from './eligibility.ts';
import { queueBudgetSpentEmails } from './budget-spent.ts';
import { committedPenceSql, SMALLEST_AWARD_PENCE } from './rounds.ts';
import { canTransition } from './transitions.ts';
import { declineReasons, emailBlocks, refusal } from './decision-words.ts';
import { findRoundDraw } from './drawn-order.ts';
import { drawnApprovalGuard, drawnApprovalRefusal, fundReservesWrites } from './reserve-list.ts';
import { formatDayAndTime } from '../../london-time.ts';
import type { Database } from '../db/client.ts';

export { declineReasons };

type Mailer = Pick<Config, 'origin' | 'branchName'>;

const a = table.grantApplications;

export async function listGrantQueue(roundId: number, db = defaultDb) {
	return db
		.select({
			id: a.id,
			reference: a.reference,
			status: a.status,
			flags: a.flags,
			awardPence: a.awardPence,
			submittedAt: a.submittedAt,
			assisted: sql<boolean>`${a.assistedBy} is not null`,
			/** Nothing uploaded (and not because retention erased it): reviewers ask for it. */
			noEvidence: sql<boolean>`${a.erasedAt} is null and not exists (select 1 from ${table.grantEvidence} where ${table.grantEvidence.applicationId} = ${a.id})`,
			applicantName: table.users.name,
			/** The place in a drawn order, and on its reserve list (grants/drawn-order.ts). */
			drawPosition: table.grantDrawPlaces.position,
			reservePosition: table.grantDrawPlaces.reservePosition
		})
		.from(a)
		.innerJoin(table.users, eq(table.users.id, a.userId))
		.leftJoin(table.grantDrawPlaces, eq(table.grantDrawPlaces.applicationId, a.id))
		.where(and(eq(a.roundId, roundId), sql`${a.status} <> 'draft'`))
		.orderBy(
			sql`case ${a.status} when 'submitted' then 0 when 'needs-info' then 1 when 'approved' then 2 else 3 end`,
			// A drawn order, where there is one, comes before every other rule.
			sql`coalesce(${table.grantDrawPlaces.position}, 1e9)`,
			desc(sql`coalesce(json_extract(${a.flags}, '$.firstTime'), 0)`),
			desc(sql`coalesce(json_extract(${a.flags}, '$.prepayment'), 0)`),
			asc(a.submittedAt)
		);
}

export function findApplicationForReview(id: number, db = defaultDb) {
	return findApplicationWithApplicant(eq(a.id, id), db);
}

export type Decision =
	| { kind: 'approve'; awardPence: number }
	| { kind: 'decline'; reason: string }
	| { kind: 'request-info'; message: string }
	| { kind: 'mark-paid'; paidOn: Date; paymentReference: string };

export type DecisionOutcome = { ok: true } | { ok: false; error: string };

const TARGET: Record<Decision['kind'], GrantStatus> = {
	approve: 'approved',
	decline: 'declined',
	'request-info': 'needs-info',
	'mark-paid': 'paid'
};

const EMAIL_KIND: Record<Decision['kind'], GrantEmailKind> = {
	approve: 'approved',
	decline: 'declined',
	'request-info': 'needs-info',
	'mark-paid': 'paid'
};

type Change = { set: Partial<typeof a.$inferInsert>; guard?: SQL; message: string };

/** The columns a decision writes, the guard it needs, and its history line. */
function decisionChange(
	decision: Decision,
	round: GrantRound,
	drawn: boolean,
	applicationId: number,
	officerId: number,
	now: Date
): Change {
	const set = { status: TARGET[decision.kind], updatedAt: now };
	switch (decision.kind) {
		case 'approve': {
			const budget = sql`${committedPenceSql(round.id)} + ${decision.awardPence} <= (select ${table.grantRounds.budgetPence} from ${table.grantRounds} where ${table.grantRounds.id} = ${round.id})`;
			return {
				set: { ...set, awardPence: decision.awardPence, decidedBy: officerId, decidedAt: now },
				guard: drawn
					? and(budget, drawnApprovalGuard(round, applicationId, decision.awardPence))
					: budget,
				message: `Approved ${formatPounds(decision.awardPence)}`
			};
		}
		case 'decline':
			return {
				set: { ...set, decisionReason: decision.reason, decidedBy: officerId, decidedAt: now },
				message: decision.reason
			};
		case 'request-info':
			return { set, message: decision.message };
		case 'mark-paid':
			return {
				set: { ...set, paidAt: decision.paidOn, paymentReference: decision.paymentReference },
				message: `Paid, reference ${decision.paymentReference}`
			};
	}
}

/** Whether the decision may be tried at all; a drawn round approves only after its draw. */
async function precheck(found: Reviewed, decision: Decision, db: Database) {
	const { application, round } = found;
	if (!canTransition(application.status, TARGET[decision.kind], 'welfare'))
		return { error: refusal(application, decision), drawn: false };
	if (decision.kind === 'approve' && decision.awardPence < SMALLEST_AWARD_PENCE)
		return { error: 'Enter an award of more than £0', drawn: false };
	const draw = await findRoundDraw(round.id, db);
	if (draw && !draw.drawnAt && decision.kind === 'approve')
		return {
			error: `This round’s order is drawn at its close, ${formatDayAndTime(round.closesAt)}: approvals wait until then.`,
			drawn: false
		};
	return { error: null, drawn: Boolean(draw?.drawnAt) };
}

type Reviewed = NonNullable<Awaited<ReturnType<typeof findApplicationForReview>>>;

export async function decideApplication(
	applicationId: number,
	decision: Decision,
	officerId: number,
	mailer: Mailer,
	now = new Date(),
	db = defaultDb
): Promise<DecisionOutcome> {
	const found = await findApplicationForReview(applicationId, db);
	if (!found) return { ok: false, error: 'This application no longer exists.' };
	const { application, applicant, round } = found;
	const checked = await precheck(found, decision, db);
	if (checked.error) return { ok: false, error: checked.error };
	const to = TARGET[decision.kind];
	const change = decisionChange(decision, round, checked.drawn, application.id, officerId, now);
	const changed = sql`exists (select 1 from ${a} where ${a.id} = ${application.id} and ${a.status} = ${to} and ${a.updatedAt} = ${now.getTime()})`;
	const email = grantEmail(EMAIL_KIND[decision.kind], applicant, {
		...mailer,
		reference: application.reference,
		changeKey: String(now.getTime()),
		blocks: emailBlocks(decision)
	});
	const [updated] = await db.batch([
		db
			.update(a)
			.set(change.set)
			.where(and(eq(a.id, application.id), eq(a.status, application.status), change.guard))
			.returning({ id: a.id }),
		db.run(sql`insert into ${table.grantApplicationHistory}
			(application_id, kind, from_status, to_status, message, actor_user_id, created_at)
			select ${application.id}, ${decision.kind === 'request-info' ? 'message' : 'status'}, ${application.status}, ${to},
			${change.message}, ${officerId}, ${now.getTime()} where ${changed}`),
		auditInsertWhen(db, changed, decisionAudit(application, decision, officerId), now),
		queueEmailIf(db, email, changed, { now }),
		...(checked.drawn ? fundReservesWrites(db, round, mailer, now) : []),
		queueBudgetSpentEmails(db, round, decision.kind === 'approve' ? changed : sql`0`, mailer, now)
	]);
	if (updated.length === 1) return { ok: true };
	const [current] = await db.select().from(a).where(eq(a.id, application.id));
	if (checked.drawn && decision.kind === 'approve' && current?.status === 'submitted')
		return { ok: false, error: await drawnApprovalRefusal(round, application.id, db) };
	return { ok: false, error: refusal(current, decision) };
}

function decisionAudit(application: GrantApplication, decision: Decision, officerId: number) {
	return {
		actorUserId: officerId,
		action: `grant.${decision.kind}`,
		subjectType: 'grant_application',
		subjectId: application.id,
		detail: {
			reference: application.reference,
			from: application.status,
			to: TARGET[decision.kind],
			...(decision.kind === 'approve' ? { awardPence: decision.awardPence } : {})
		}
	};
}

/**
 * The full bank details, for the officer making the payment. Screens otherwise show them
 * masked; every reveal is audit-logged.
 */
export async function revealBankDetails(
	applicationId: number,
	officerId: number,
	key: Buffer,
	now = new Date(),
	db = defaultDb
) {
	const [row] = await db
		.select({ ciphertext: a.bankDetailsCiphertext, reference: a.reference, status: a.status })
		.from(a)
		.where(eq(a.id, applicationId));
	if (!row?.ciphertext || row.status !== 'approved') return null;
	const details = decryptBankDetails(row.ciphertext, key);
	await auditInsert(
		db,
		{
			actorUserId: officerId,
			action: 'grant.bank-details-viewed',
			subjectType: 'grant_application',
			subjectId: applicationId,
			detail: { reference: row.reference }
		},
		now
	);
	return details;
}
