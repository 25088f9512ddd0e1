// A member's own application: start a draft, save each answer, submit, answer a request for
// more information, withdraw. Every query names the member, so one member can never read or
// change another's application (the routes turn "not found" into 404).
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { db as defaultDb, table } from '../db/index.ts';
import type { GrantAnswers, GrantApplication } from '../db/schema/index.ts';
import { encryptBankDetails, type BankDetails } from './bank-details.ts';
import { householdKey } from './household-key.ts';
import { newGrantReference } from './reference.ts';
import { OPEN_STATUSES } from './transitions.ts';

export { assessFlags, submitApplication } from './submit-application.ts';

export async function findApplication(userId: number, roundId: number, db = defaultDb) {
	const [row] = await db
		.select()
		.from(table.grantApplications)
		.where(
			and(eq(table.grantApplications.userId, userId), eq(table.grantApplications.roundId, roundId))
		);
	return row ?? null;
}

/** The application `where` picks, with its applicant's name and email and its round: for staff. */
export async function findApplicationWithApplicant(where: SQL, db = defaultDb) {
	const a = table.grantApplications;
	const [row] = await db
		.select({
			application: a,
			applicant: { id: table.users.id, name: table.users.name, email: table.users.email },
			round: table.grantRounds
		})
		.from(a)
		.innerJoin(table.users, eq(table.users.id, a.userId))
		.innerJoin(table.grantRounds, eq(table.grantRounds.id, a.roundId))
		.where(where);
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
