// A member's own application: start a draft, save each answer, submit, answer a request for
// more information, withdraw. Every query names the member, so one member can never read or
// change another's application (the routes turn "not found" into 404).
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { auditInsertWhen } from '../audit.ts';
import type { Config } from '../config.ts';
import { db as defaultDb, table } from '../db/index.ts';
import type { GrantAnswers, GrantApplication, GrantFlags, GrantRound } from '../db/schema/index.ts';
import { queueEmailIf } from '../email/outbox.ts';
import { grantEmail } from '../email/templates/grants.ts';
import { encryptBankDetails, type BankDetails } from './bank-details.ts';
import { drawnOrderNotice, findRoundDraw } from './drawn-order.ts';
import { addMonths } from './eligibility.ts';
import { householdKey } from './household-key.ts';
import { newGrantReference } from './reference.ts';
import { canTransition, COMMITTED_STATUSES, OPEN_STATUSES } from './transitions.ts';
import { branchOfficeText } from '../../branch-contact.ts';
import { branchSettingsNow } from '../settings/branch-settings.ts';

type Mailer = Pick<Config, 'origin' | 'branchName'>;
type Member = { id: number; email: string; name: string };

export async function findApplication(userId: number, roundId: number, db = defaultDb) {
	const [row] = await db
		.select()
		.from(table.grantApplications)
		.where(
			and(eq(table.grantApplications.userId, userId), eq(table.grantApplications.roundId, roundId))
		);
	return row ?? null;
}

export async function findApplicationByReference(
	userId: number,
	reference: string,
	db = defaultDb
) {
	const [row] = await db
		.select()
		.from(table.grantApplications)
		.where(
			and(
				eq(table.grantApplications.userId, userId),
				eq(table.grantApplications.reference, reference)
			)
		);
	return row ?? null;
}

export async function listMemberApplications(userId: number, db = defaultDb) {
	return db
		.select({
			application: table.grantApplications,
			roundName: table.grantRounds.name
		})
		.from(table.grantApplications)
		.innerJoin(table.grantRounds, eq(table.grantRounds.id, table.grantApplications.roundId))
		.where(eq(table.grantApplications.userId, userId))
		.orderBy(desc(table.grantApplications.createdAt));
}

/** The member's draft for the round, made now if there is none; one per member per round. */
export async function startApplication(
	userId: number,
	roundId: number,
	options: { assistedBy?: number; now?: Date } = {},
	db = defaultDb
) {
	const now = options.now ?? new Date();
	await db
		.insert(table.grantApplications)
		.values({
			reference: newGrantReference(),
			roundId,
			userId,
			assistedBy: options.assistedBy ?? null,
			createdAt: now,
			updatedAt: now
		})
		.onConflictDoNothing({
			target: [table.grantApplications.roundId, table.grantApplications.userId]
		});
	return (await findApplication(userId, roundId, db))!;
}

const editable = (id: number, userId: number) =>
	and(
		eq(table.grantApplications.id, id),
		eq(table.grantApplications.userId, userId),
		inArray(table.grantApplications.status, ['draft', 'needs-info'])
	);

/** Merges one step's answers into the draft; false when it can no longer be changed. */
export async function saveAnswers(
	application: GrantApplication,
	patch: GrantAnswers,
	now = new Date(),
	db = defaultDb
) {
	const answers = { ...application.answers, ...patch };
	const updated = await db
		.update(table.grantApplications)
		.set({
			answers,
			householdKey: householdKey(answers.postcode, answers.addressLine1),
			updatedAt: now
		})
		.where(editable(application.id, application.userId))
		.returning({ id: table.grantApplications.id });
	return updated.length === 1;
}

export async function saveBankDetails(
	application: GrantApplication,
	details: BankDetails,
	key: Buffer,
	now = new Date(),
	db = defaultDb
) {
	const updated = await db
		.update(table.grantApplications)
		.set({
			answers: {
				...application.answers,
				payoutMethod: 'bank',
				supplierAccountReference: undefined
			},
			bankDetailsCiphertext: encryptBankDetails(details, key),
			updatedAt: now
		})
		.where(editable(application.id, application.userId))
		.returning({ id: table.grantApplications.id });
	return updated.length === 1;
}

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
	const thanks = drawn
		? `Thank you for applying for the ${round.name}. ${drawnOrderNotice(round)} A welfare officer will email you when there is news.`
		: first
			? `Thank you for applying for the ${round.name}. A welfare officer will look at your application and email you when there is news. Most decisions take about two weeks.`
			: 'Thank you for the extra information. A welfare officer will look at your application again and email you when there is news.';
	// An application a welfare officer filled in with the member: the member gets a copy of every answer.
	const email = grantEmail(options.copy ? 'assisted-copy' : 'received', member, {
		...mailer,
		reference: application.reference,
		changeKey: String(now.getTime()),
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

export async function withdrawApplication(
	application: GrantApplication,
	memberId: number,
	now = new Date(),
	db = defaultDb
) {
	if (!(OPEN_STATUSES as string[]).includes(application.status)) return false;
	const a = table.grantApplications;
	const [updated] = await db.batch([
		db
			.update(a)
			.set({ status: 'withdrawn', updatedAt: now })
			.where(
				and(eq(a.id, application.id), eq(a.userId, memberId), eq(a.status, application.status))
			)
			.returning({ id: a.id }),
		db.run(sql`insert into ${table.grantApplicationHistory}
			(application_id, kind, from_status, to_status, actor_user_id, created_at)
			select ${application.id}, 'status', ${application.status}, 'withdrawn', ${memberId}, ${now.getTime()}
			where exists (select 1 from ${a} where ${a.id} = ${application.id} and ${a.status} = 'withdrawn' and ${a.updatedAt} = ${now.getTime()})`)
	]);
	return updated.length === 1;
}

export async function applicationHistory(applicationId: number, db = defaultDb) {
	return db
		.select({
			entry: table.grantApplicationHistory,
			actorName: table.users.name
		})
		.from(table.grantApplicationHistory)
		.leftJoin(table.users, eq(table.users.id, table.grantApplicationHistory.actorUserId))
		.where(eq(table.grantApplicationHistory.applicationId, applicationId))
		.orderBy(table.grantApplicationHistory.id);
}
