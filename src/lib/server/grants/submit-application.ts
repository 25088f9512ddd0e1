// Sending an application to the welfare officers: the flags they see beside it, the guarded
// status change with its history line, and the "received" email, in one batch.
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { auditInsertWhen } from '../audit.ts';
import type { Config } from '../config.ts';
import { db as defaultDb, table } from '../db/index.ts';
import type { GrantApplication, GrantFlags, GrantRound } from '../db/schema/index.ts';
import { queueEmailIf } from '../email/outbox.ts';
import { grantEmail } from '../email/templates/grants.ts';
import { drawnOrderNotice, findRoundDraw } from './drawn-order.ts';
import { addMonths } from './eligibility.ts';
import { canTransition, COMMITTED_STATUSES } from './transitions.ts';
import { branchOfficeText } from '../../branch-contact.ts';
import { branchSettingsNow } from '../settings/branch-settings.ts';

type Mailer = Pick<Config, 'origin' | 'branchName'>;
type Member = { id: number; email: string; name: string };

/** Flags for the welfare officer: shared household, a recent award, a prepayment meter, a first application. */
export async function assessFlags(
	application: GrantApplication,
	round: GrantRound,
	now = new Date(),
	db = defaultDb
): Promise<GrantFlags> {
	const a = table.grantApplications;
	const [sameHousehold, earlierAwards] = await db.batch([
		db
			.select({ id: a.id })
			.from(a)
			.where(
				and(
					eq(a.roundId, round.id),
					ne(a.id, application.id),
					eq(a.householdKey, application.householdKey ?? ''),
					inArray(a.status, ['submitted', 'needs-info', 'approved', 'paid'])
				)
			)
			.limit(1),
		db
			.select({ decidedAt: a.decidedAt })
			.from(a)
			.where(
				and(
					eq(a.userId, application.userId),
					ne(a.id, application.id),
					inArray(a.status, [...COMMITTED_STATUSES])
				)
			)
	]);
	const coolDown = earlierAwards.some(
		(r) => r.decidedAt && addMonths(r.decidedAt, round.coolDownMonths) > now
	);
	return {
		duplicateHousehold: sameHousehold.length > 0,
		coolDown,
		prepayment: application.answers.paymentType === 'prepayment',
		firstTime: earlierAwards.length === 0 && !application.answers.previousAward
	};
}

/**
 * Sends the draft (or the answered request) to the welfare officers. One batch: the guarded
 * status change, its history line, and the "received" email only if the change happened. When
 * a welfare officer sends it with the member (`officerId`), the history names the officer and
 * an audit record says who sent it for whom.
 */
export async function submitApplication(
	application: GrantApplication,
	round: GrantRound,
	member: Member,
	mailer: Mailer,
	options: {
		reply?: string;
		copy?: { label: string; value: string }[];
		officerId?: number;
		now?: Date;
	} = {},
	db = defaultDb
) {
	const now = options.now ?? new Date();
	if (!canTransition(application.status, 'submitted', 'member')) return false;
	const flags = await assessFlags(application, round, now, db);
	const a = table.grantApplications;
	const changed = sql`exists (select 1 from ${a} where ${a.id} = ${application.id} and ${a.status} = 'submitted' and ${a.updatedAt} = ${now.getTime()})`;
	const first = application.status === 'draft';
	const drawn = first && (await findRoundDraw(round.id, db));
	const email = receivedEmail(application, round, member, mailer, {
		drawn: Boolean(drawn),
		copy: options.copy,
		now
	});
	const officerId = options.officerId ?? null;
	const [updated] = await db.batch([
		db
			.update(a)
			.set({
				status: 'submitted',
				flags,
				submittedAt: first ? now : application.submittedAt,
				updatedAt: now,
				...(officerId === null ? {} : { assistedBy: sql`coalesce(${a.assistedBy}, ${officerId})` })
			})
			.where(
				and(eq(a.id, application.id), eq(a.userId, member.id), eq(a.status, application.status))
			)
			.returning({ id: a.id }),
		db.run(sql`insert into ${table.grantApplicationHistory}
			(application_id, kind, from_status, to_status, message, actor_user_id, created_at)
			select ${application.id}, ${options.reply ? 'reply' : 'status'}, ${application.status}, 'submitted',
			${options.reply ?? null}, ${officerId ?? member.id}, ${now.getTime()} where ${changed}`),
		queueEmailIf(db, email, changed, { now }),
		auditInsertWhen(
			db,
			officerId === null ? sql`0` : changed,
			{
				actorUserId: officerId,
				action: 'grant.assisted-submit',
				subjectType: 'grant_application',
				subjectId: application.id,
				detail: { reference: application.reference, memberId: member.id, from: application.status }
			},
			now
		)
	]);
	return updated.length === 1;
}

/** "Received" (or, for an application filled in with a welfare officer, a copy of every answer). */
function receivedEmail(
	application: GrantApplication,
	round: GrantRound,
	member: Member,
	mailer: Mailer,
	options: { drawn: boolean; copy?: { label: string; value: string }[]; now: Date }
) {
	const first = application.status === 'draft';
	const thanks = options.drawn
		? `Thank you for applying for the ${round.name}. ${drawnOrderNotice(round)} A welfare officer will email you when there is news.`
		: first
			? `Thank you for applying for the ${round.name}. A welfare officer will look at your application and email you when there is news. Most decisions take about two weeks.`
			: 'Thank you for the extra information. A welfare officer will look at your application again and email you when there is news.';
	return grantEmail(options.copy ? 'assisted-copy' : 'received', member, {
		...mailer,
		reference: application.reference,
		changeKey: String(options.now.getTime()),
		blocks: options.copy
			? [
					{
						kind: 'paragraph',
						text: `A welfare officer has sent the application for the ${round.name} that they filled in with you. Here is a copy of your answers. If anything is wrong, reply to this email or call ${branchOfficeText(branchSettingsNow())}.`
					},
					{ kind: 'facts', rows: options.copy.map((row) => [row.label, row.value]) },
					{ kind: 'paragraph', text: thanks }
				]
			: [{ kind: 'paragraph', text: thanks }]
	});
}
