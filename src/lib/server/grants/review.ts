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
import type { Block } from '../email/templates/layout.ts';
import { grantEmail, type GrantEmailKind } from '../email/templates/grants.ts';
import { decryptBankDetails } from './bank-details.ts';
import { formatPounds } from './eligibility.ts';
import { coolDownPeriod } from '../../grants/cool-down.ts';
import { queueBudgetSpentEmails } from './budget-spent.ts';
import { committedPenceSql, SMALLEST_AWARD_PENCE } from './rounds.ts';
import { canTransition } from './transitions.ts';
import { branchOfficeText } from '../../branch-contact.ts';
import { branchSettingsNow } from '../settings/branch-settings.ts';

type Mailer = Pick<Config, 'origin' | 'branchName'>;

/** The reasons an officer chooses from, worded with the round's own cool-down. */
export function declineReasons(round: Pick<GrantRound, 'coolDownMonths'>) {
	return [
		'Household income is over the limit and no means-tested benefit is received',
		'Household savings are over the limit',
		'Not responsible for the household’s fuel bills',
		'Another member of the household has already had a grant this round',
		`A grant was awarded within the last ${coolDownPeriod(round.coolDownMonths)}`,
		'Not a member in good standing for at least 4 weeks',
		'The information we asked for did not arrive'
	];
}

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

export async function findApplicationForReview(id: number, db = defaultDb) {
	const [row] = await db
		.select({
			application: a,
			applicant: { id: table.users.id, name: table.users.name, email: table.users.email },
			round: table.grantRounds
		})
		.from(a)
		.innerJoin(table.users, eq(table.users.id, a.userId))
		.innerJoin(table.grantRounds, eq(table.grantRounds.id, a.roundId))
		.where(eq(a.id, id));
	return row ?? null;
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

function emailBlocks(decision: Decision): Block[] {
	switch (decision.kind) {
		case 'approve':
			return [
				{
					kind: 'paragraph',
					text: `Good news: a welfare officer has approved a grant of ${formatPounds(decision.awardPence)} towards your fuel bills. We will email you again when it has been paid, usually within 10 working days.`
				}
			];
		case 'decline':
			return [
				{
					kind: 'paragraph',
					text: 'We are sorry: a welfare officer has declined your application.'
				},
				{ kind: 'notice', text: decision.reason },
				{
					kind: 'paragraph',
					text: `If you think we have got something wrong, reply to this email or call ${branchOfficeText(branchSettingsNow())} and we will look at it again.`
				}
			];
		case 'request-info':
			return [
				{ kind: 'paragraph', text: 'A welfare officer needs more information before deciding:' },
				{ kind: 'notice', text: decision.message },
				{
					kind: 'paragraph',
					text: 'Answer on your application page. Your application waits until you do.'
				}
			];
		case 'mark-paid':
			return [
				{
					kind: 'paragraph',
					text: `Your grant has been paid. It can take up to 3 working days to reach you. Payment reference: ${decision.paymentReference}.`
				}
			];
	}
}

/** Why a decision could not be made, in words for the officer. */
function refusal(current: GrantApplication | undefined, decision: Decision): string {
	if (!current) return 'This application no longer exists.';
	if (
		current.status !== 'submitted' &&
		decision.kind === 'approve' &&
		current.status === 'approved'
	)
		return 'Another welfare officer has just approved this application.';
	if (decision.kind === 'approve' && current.status === 'submitted')
		return 'Approving this would take the round over its budget: the money left is less than this award. Reduce the amount or decline.';
	return `This application is now “${current.status}”, so it cannot be changed that way. Reload the page to see its latest state.`;
}

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
	const to = TARGET[decision.kind];
	if (!canTransition(application.status, to, 'welfare')) {
		return { ok: false, error: refusal(application, decision) };
	}
	if (decision.kind === 'approve' && decision.awardPence < SMALLEST_AWARD_PENCE) {
		return { ok: false, error: 'Enter an award of more than £0' };
	}

	let set: Partial<typeof a.$inferInsert> = { status: to, updatedAt: now };
	let guard: SQL | undefined;
	let message: string | null = null;
	switch (decision.kind) {
		case 'approve':
			set = { ...set, awardPence: decision.awardPence, decidedBy: officerId, decidedAt: now };
			guard = sql`${committedPenceSql(round.id)} + ${decision.awardPence} <= (select ${table.grantRounds.budgetPence} from ${table.grantRounds} where ${table.grantRounds.id} = ${round.id})`;
			message = `Approved ${formatPounds(decision.awardPence)}`;
			break;
		case 'decline':
			set = { ...set, decisionReason: decision.reason, decidedBy: officerId, decidedAt: now };
			message = decision.reason;
			break;
		case 'request-info':
			message = decision.message;
			break;
		case 'mark-paid':
			set = { ...set, paidAt: decision.paidOn, paymentReference: decision.paymentReference };
			message = `Paid, reference ${decision.paymentReference}`;
			break;
	}

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
			.set(set)
			.where(and(eq(a.id, application.id), eq(a.status, application.status), guard))
			.returning({ id: a.id }),
		db.run(sql`insert into ${table.grantApplicationHistory}
			(application_id, kind, from_status, to_status, message, actor_user_id, created_at)
			select ${application.id}, ${decision.kind === 'request-info' ? 'message' : 'status'}, ${application.status}, ${to},
			${message}, ${officerId}, ${now.getTime()} where ${changed}`),
		auditInsertWhen(
			db,
			changed,
			{
				actorUserId: officerId,
				action: `grant.${decision.kind}`,
				subjectType: 'grant_application',
				subjectId: application.id,
				detail: {
					reference: application.reference,
					from: application.status,
					to,
					...(decision.kind === 'approve' ? { awardPence: decision.awardPence } : {})
				}
			},
			now
		),
		queueEmailIf(db, email, changed, { now }),
		queueBudgetSpentEmails(db, round, decision.kind === 'approve' ? changed : sql`0`, mailer, now)
	]);
	if (updated.length === 1) return { ok: true };
	const [current] = await db.select().from(a).where(eq(a.id, application.id));
	return { ok: false, error: refusal(current, decision) };
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
