// The audit log: who did what to which record, and when. Writers pass the insert into their own
// batch so the record commits with the change it describes.
import { desc, sql, type SQL } from 'drizzle-orm';
import type { Database } from './db/client.ts';
import { db as defaultDb, table } from './db/index.ts';

export type AuditEntry = {
	actorUserId: number | null;
	action: string;
	subjectType?: string;
	/** In a conditional insert also an SQL expression, e.g. the id the batch has just inserted. */
	subjectId?: string | number | SQL;
	/** Never passwords, codes or tokens. */
	detail?: Record<string, unknown>;
};

export function auditInsert(writer: Pick<Database, 'insert'>, entry: AuditEntry, now = new Date()) {
	return writer.insert(table.auditLog).values({
		actorUserId: entry.actorUserId,
		action: entry.action,
		subjectType: entry.subjectType ?? null,
		subjectId: entry.subjectId === undefined ? null : String(entry.subjectId as string | number),
		detail: entry.detail ?? null,
		createdAt: now
	});
}

/** The same record, written only if `condition` (an SQL boolean) holds when the batch runs. */
export function auditInsertWhen(
	writer: Pick<Database, 'run'>,
	condition: SQL,
	entry: AuditEntry,
	now = new Date()
) {
	const a = table.auditLog;
	const detail = entry.detail ? JSON.stringify(entry.detail) : null;
	const subjectId =
		entry.subjectId === undefined
			? null
			: typeof entry.subjectId === 'object'
				? sql`cast(${entry.subjectId} as text)`
				: String(entry.subjectId);
	return writer.run(
		sql`insert into ${a} (${sql.identifier(a.actorUserId.name)}, ${sql.identifier(a.action.name)}, ${sql.identifier(a.subjectType.name)}, ${sql.identifier(a.subjectId.name)}, ${sql.identifier(a.detail.name)}, ${sql.identifier(a.createdAt.name)})
			select ${entry.actorUserId}, ${entry.action}, ${entry.subjectType ?? null}, ${subjectId}, ${detail}, ${now.getTime()}
			where ${condition}`
	);
}

export async function recordAudit(entry: AuditEntry, now = new Date()) {
	await auditInsert(defaultDb, entry, now);
}

export async function listAuditLog(limit = 200) {
	return defaultDb.select().from(table.auditLog).orderBy(desc(table.auditLog.id)).limit(limit);
}
