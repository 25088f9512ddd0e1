// The membership list in the database: importing a checked file in one atomic write, and what
// the admin page shows about it.
import { count, desc, eq, max, sql } from 'drizzle-orm';
import { db, table } from '../db/index.ts';
import { generateSecret } from '../auth/secrets.ts';
import { londonDate } from '../../plain-date.ts';
import {
	decodeMembershipListFile,
	parseMembershipListCsv,
	type MembershipListRow
} from './membership-list-import.ts';

export const MEMBERSHIP_LIST_IMPORTED = 'members-register-imported';

// 500 rows of 6 values stays far below SQLite's limit on values in one statement.
const ROWS_PER_STATEMENT = 500;

/** `unchanged` is absent from imports recorded before it was counted. */
export type ImportCounts = { rows: number; added: number; updated: number; unchanged?: number };

/**
 * Adds new members and updates known ones (by membership number) in one batch: all of it
 * commits, or none of it. Members missing from the file stay on the list; their subs date
 * stops them booking once it is more than 4 weeks old.
 */
export async function importMembershipList(
	rows: MembershipListRow[],
	actorUserId: number,
	now = new Date()
): Promise<ImportCounts> {
	const importId = generateSecret(16);
	const registerSize = sql`(select count(*) from ${table.membersRegister})`;
	const added = sql`(${registerSize} - json_extract(${table.auditLog.detail}, '$.sizeBefore'))`;
	// Rows this import added or changed carry its time; rows it repeated keep their earlier one.
	const written = sql`(select count(*) from ${table.membersRegister} where ${table.membersRegister.importedAt} = ${now.getTime()})`;
	const upserts = chunk(rows, ROWS_PER_STATEMENT).map((part) => upsertListRows(part, now));
	// The audit entry is written first with the list's size before the import and completed
	// last with the counts, so the counts come from inside the same atomic write, not a read
	// that another import could overtake.
	const [, ...rest] = await db.batch([
		db.insert(table.auditLog).values({
			actorUserId,
			action: MEMBERSHIP_LIST_IMPORTED,
			subjectType: 'members-register',
			subjectId: importId,
			detail: sql`json_object('rows', ${rows.length}, 'sizeBefore', ${registerSize})`,
			createdAt: now
		}),
		...upserts,
		db
			.update(table.auditLog)
			.set({
				detail: sql`json_object(
					'rows', ${rows.length},
					'added', ${added},
					'updated', ${written} - ${added},
					'unchanged', ${rows.length} - ${written}
				)`
			})
			.where(eq(table.auditLog.subjectId, importId))
			.returning({ detail: table.auditLog.detail })
	]);
	const [completed] = rest[rest.length - 1] as { detail: ImportCounts }[];
	return completed.detail;
}

/** One statement's rows: new numbers added, known ones updated, exact repeats left alone. */
function upsertListRows(part: MembershipListRow[], now: Date) {
	return db
		.insert(table.membersRegister)
		.values(
			part.map((row) => ({
				membershipNumber: row.membershipNumber,
				surname: row.surname,
				postcode: row.postcode,
				joinedOn: row.joinedOn,
				subsPaidTo: row.subsPaidTo,
				importedAt: now
			}))
		)
		.onConflictDoUpdate({
			target: table.membersRegister.membershipNumber,
			set: {
				surname: sql`excluded.surname`,
				postcode: sql`excluded.postcode`,
				joinedOn: sql`excluded.joined_on`,
				subsPaidTo: sql`excluded.subs_paid_to`,
				importedAt: sql`excluded.imported_at`
			},
			// A row the file repeats exactly is left alone, so it is counted as unchanged.
			setWhere: sql`(${table.membersRegister.surname}, ${table.membersRegister.postcode}, ${table.membersRegister.joinedOn}, ${table.membersRegister.subsPaidTo})
					is not (excluded.surname, excluded.postcode, excluded.joined_on, excluded.subs_paid_to)`
		});
}

export type MembershipListFileImport =
	{ ok: true; counts: ImportCounts } | { ok: false; problems: string[] };

/** An uploaded file, checked in full and then imported whole, or not at all. */
export async function importMembershipListFile(
	bytes: Uint8Array,
	actorUserId: number,
	now = new Date()
): Promise<MembershipListFileImport> {
	const decoded = decodeMembershipListFile(bytes);
	if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
	const parsed = parseMembershipListCsv(decoded.text, londonDate(now));
	if (!parsed.ok) return parsed;
	return { ok: true, counts: await importMembershipList(parsed.rows, actorUserId, now) };
}

function chunk<T>(items: T[], size: number) {
	const parts: T[][] = [];
	for (let i = 0; i < items.length; i += size) parts.push(items.slice(i, i + size));
	return parts;
}

export type MembershipListSummary = {
	size: number;
	lastImport: { at: Date; by: string | null; counts: ImportCounts | null } | null;
};

export async function readMembershipListSummary(): Promise<MembershipListSummary> {
	const [[{ size, lastImportedAt }], [last]] = await db.batch([
		db
			.select({ size: count(), lastImportedAt: max(table.membersRegister.importedAt) })
			.from(table.membersRegister),
		db
			.select({
				at: table.auditLog.createdAt,
				by: table.users.name,
				detail: table.auditLog.detail
			})
			.from(table.auditLog)
			.leftJoin(table.users, eq(table.users.id, table.auditLog.actorUserId))
			.where(eq(table.auditLog.action, MEMBERSHIP_LIST_IMPORTED))
			.orderBy(desc(table.auditLog.id))
			.limit(1)
	]);
	if (!lastImportedAt && !last) return { size, lastImport: null };
	return {
		size,
		lastImport: {
			at: last?.at ?? lastImportedAt!,
			by: last?.by ?? null,
			counts: (last?.detail as ImportCounts | undefined) ?? null
		}
	};
}

export async function findListedMember(membershipNumber: string) {
	const [row] = await db
		.select()
		.from(table.membersRegister)
		.where(eq(table.membersRegister.membershipNumber, membershipNumber));
	return row ?? null;
}
