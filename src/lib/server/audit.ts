// The audit log: who did what to which record, and when. Writers pass the insert into their own
// batch so the record commits with the change it describes.
import { desc } from 'drizzle-orm';
import type { Database } from './db/client.ts';
import { db as defaultDb, table } from './db/index.ts';

export type AuditEntry = {
	actorUserId: number | null;
	action: string;
	subjectType?: string;
	subjectId?: string | number;
	/** Never passwords, codes or tokens. */
	detail?: Record<string, unknown>;
};

export function auditInsert(writer: Pick<Database, 'insert'>, entry: AuditEntry, now = new Date()) {
	return writer.insert(table.auditLog).values({
		actorUserId: entry.actorUserId,
		action: entry.action,
		subjectType: entry.subjectType ?? null,
		subjectId: entry.subjectId === undefined ? null : String(entry.subjectId),
		detail: entry.detail ?? null,
		createdAt: now
	});
}

export async function recordAudit(entry: AuditEntry, now = new Date()) {
	await auditInsert(defaultDb, entry, now);
}

export async function listAuditLog(limit = 200) {
	return defaultDb.select().from(table.auditLog).orderBy(desc(table.auditLog.id)).limit(limit);
}
