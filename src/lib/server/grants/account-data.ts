// A member's grant applications in their data download, and what deleting their account does to
// them: open applications are withdrawn and emptied at once; decided ones keep only what the
// branch must keep until retention removes it (grants/retention.ts).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { db as defaultDb, table } from '../db/index.ts';
import { readBankDetails } from './application-review.ts';

export async function exportGrantApplications(userId: number, key: Buffer, db = defaultDb) {
	const a = table.grantApplications;
	const rows = await db
		.select({ application: a, round: table.grantRounds.name })
		.from(a)
		.innerJoin(table.grantRounds, eq(table.grantRounds.id, a.roundId))
		.where(eq(a.userId, userId))
		.orderBy(asc(a.createdAt));
	const ids = rows.map((r) => r.application.id);
	const [evidence, history] = ids.length
		? await db.batch([
				db
					.select({
						applicationId: table.grantEvidence.applicationId,
						filename: table.grantEvidence.filename,
						size: table.grantEvidence.size,
						uploadedAt: table.grantEvidence.uploadedAt
					})
					.from(table.grantEvidence)
					.where(inArray(table.grantEvidence.applicationId, ids)),
				db
					.select()
					.from(table.grantApplicationHistory)
					.where(inArray(table.grantApplicationHistory.applicationId, ids))
					.orderBy(asc(table.grantApplicationHistory.id))
			])
		: [[], []];
	return rows.map(({ application: x, round }) => ({
		reference: x.reference,
		round,
		status: x.status,
		answers: x.answers,
		bankDetails: readBankDetails(x, key),
		assisted: x.assistedBy !== null,
		awardPence: x.awardPence,
		decisionReason: x.decisionReason,
		submittedAt: x.submittedAt,
		decidedAt: x.decidedAt,
		paidAt: x.paidAt,
		paymentReference: x.paymentReference,
		evidence: evidence
			.filter((e) => e.applicationId === x.id)
			.map((e) => ({ filename: e.filename, size: e.size, uploadedAt: e.uploadedAt })),
		history: history
			.filter((h) => h.applicationId === x.id)
			.map((h) => ({
				kind: h.kind,
				from: h.fromStatus,
				to: h.toStatus,
				message: h.message,
				by: h.actorUserId === userId ? 'you' : 'a welfare officer',
				at: h.createdAt
			}))
	}));
}

/** The files themselves, for the download: each named by its application and its place there. */
export async function exportEvidenceFiles(userId: number, db = defaultDb) {
	const e = table.grantEvidence;
	const a = table.grantApplications;
	const rows = await db
		.select({ reference: a.reference, filename: e.filename, data: e.data })
		.from(e)
		.innerJoin(a, eq(a.id, e.applicationId))
		.where(eq(a.userId, userId))
		.orderBy(asc(a.createdAt), asc(e.id));
	return rows.map((row, i) => ({
		reference: row.reference,
		filename: row.filename,
		path: `evidence/${row.reference}/${i + 1}-${row.filename}`,
		bytes: new Uint8Array(row.data)
	}));
}

export type EvidenceFileCopy = Awaited<ReturnType<typeof exportEvidenceFiles>>[number];

const OPEN = ['draft', 'submitted', 'needs-info'] as const;

/** Statements for the account-deletion batch. */
export function grantErasureStatements(db: Database, userId: number, now: Date) {
	const a = table.grantApplications;
	const open = and(eq(a.userId, userId), inArray(a.status, [...OPEN]));
	const openIds = db.select({ id: a.id }).from(a).where(open);
	return [
		db.run(sql`insert into ${table.grantApplicationHistory}
			(application_id, kind, from_status, to_status, message, actor_user_id, created_at)
			select ${a.id}, 'status', ${a.status}, 'withdrawn', 'Account deleted', ${userId}, ${now.getTime()}
			from ${a} where ${a.userId} = ${userId} and ${a.status} in ('draft', 'submitted', 'needs-info')`),
		db.delete(table.grantEvidence).where(inArray(table.grantEvidence.applicationId, openIds)),
		db
			.update(a)
			.set({
				status: 'withdrawn',
				answers: {},
				householdKey: null,
				bankDetailsCiphertext: null,
				erasedAt: now,
				updatedAt: now
			})
			.where(open),
		// A paid or declined grant needs no bank details any more; the decision itself is kept.
		db
			.update(a)
			.set({ bankDetailsCiphertext: null })
			.where(and(eq(a.userId, userId), inArray(a.status, ['paid', 'declined'])))
	] as const;
}
