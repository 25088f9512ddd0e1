// Evidence files on an application: stored in the database, at most three of 5 MB each, and
// read back only for the application's owner or a welfare officer (the routes decide which).
import { and, count, eq, sql } from 'drizzle-orm';
import { db as defaultDb, table } from '../db/index.ts';
import type { GrantApplication } from '../db/schema/index.ts';
import {
	MAX_EVIDENCE_BYTES,
	MAX_EVIDENCE_FILES,
	safeFilename,
	sniffEvidenceType
} from './evidence-file.ts';
import { EVIDENCE_TOO_BIG as TOO_BIG } from './evidence-upload.ts';

export type EvidenceUpload = { ok: true; id: number } | { ok: false; error: string };

const FULL = 'You can upload up to 3 files. Remove one before adding another.';

/** Why this file cannot be added, or null when it can. */
async function refuseEvidence(
	application: GrantApplication,
	file: { size: number; bytes: Uint8Array },
	db: typeof defaultDb
) {
	if (application.status !== 'draft' && application.status !== 'needs-info') {
		return 'This application has been sent, so evidence can no longer be added.';
	}
	if (file.size === 0) return 'Choose a file to upload';
	if (file.size > MAX_EVIDENCE_BYTES) return TOO_BIG;
	if (!sniffEvidenceType(file.bytes.subarray(0, 8))) {
		return 'The file must be a PDF, JPEG or PNG. Other kinds of file, even renamed ones, cannot be opened safely.';
	}
	const e = table.grantEvidence;
	const on = eq(e.applicationId, application.id);
	// The same bytes under any name: a second copy would only make the officer read it twice.
	const [same] = await db
		.select({ filename: e.filename })
		.from(e)
		.where(and(on, eq(e.size, file.size), eq(e.data, Buffer.from(file.bytes))));
	if (same) {
		return `You have already uploaded this file, as ${same.filename}. Choose a different file.`;
	}
	const [{ files }] = await db.select({ files: count() }).from(e).where(on);
	return files >= MAX_EVIDENCE_FILES ? FULL : null;
}

export async function addEvidence(
	application: GrantApplication,
	file: { name: string; size: number; bytes: Uint8Array },
	now = new Date(),
	db = defaultDb
): Promise<EvidenceUpload> {
	const refusal = await refuseEvidence(application, file, db);
	if (refusal) return { ok: false, error: refusal };
	const contentType = sniffEvidenceType(file.bytes.subarray(0, 8))!;
	const e = table.grantEvidence;
	// The count is asked again inside the insert, so two uploads at once cannot make a fourth file.
	const inserted = await db.run(sql`insert into ${e}
		(application_id, filename, content_type, size, data, uploaded_at)
		select ${application.id}, ${safeFilename(file.name, contentType)}, ${contentType}, ${file.size},
		 ${Buffer.from(file.bytes)}, ${now.getTime()}
		where (select count(*) from ${e} where ${e.applicationId} = ${application.id}) < ${MAX_EVIDENCE_FILES}
		returning id`);
	if (inserted.rows.length === 0) return { ok: false, error: FULL };
	return { ok: true, id: Number(inserted.rows[0].id) };
}

export async function listEvidence(applicationId: number, db = defaultDb) {
	const e = table.grantEvidence;
	return db
		.select({
			id: e.id,
			filename: e.filename,
			contentType: e.contentType,
			size: e.size,
			uploadedAt: e.uploadedAt
		})
		.from(e)
		.where(eq(e.applicationId, applicationId))
		.orderBy(e.id);
}

export async function removeEvidence(
	application: GrantApplication,
	evidenceId: number,
	db = defaultDb
) {
	if (application.status !== 'draft' && application.status !== 'needs-info') return false;
	const removed = await db
		.delete(table.grantEvidence)
		.where(
			and(
				eq(table.grantEvidence.id, evidenceId),
				eq(table.grantEvidence.applicationId, application.id)
			)
		)
		.returning({ id: table.grantEvidence.id });
	return removed.length === 1;
}

/** One file: a member's only from their own application; a welfare officer's from any. */
export async function readEvidenceFile(
	evidenceId: number,
	owner: { userId: number } | 'welfare',
	db = defaultDb
) {
	const e = table.grantEvidence;
	const a = table.grantApplications;
	const [row] = await db
		.select({ filename: e.filename, contentType: e.contentType, data: e.data })
		.from(e)
		.innerJoin(a, eq(a.id, e.applicationId))
		.where(and(eq(e.id, evidenceId), owner === 'welfare' ? undefined : eq(a.userId, owner.userId)));
	return row ?? null;
}
