// Whether a database is the demo or a real branch's. The demo seed marks its database in the same
// write that fills it; create-admin, /setup and a start with DEMO_DATA=off mark theirs real.
// Accounts that visitors register on a demo change nothing: only the mark counts.
import { count, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import * as table from '../db/schema/index.ts';
import type { DatabaseKind } from '../db/schema/index.ts';

/** The database handle or a transaction on it: both read and write the same way here. */
type Queries = Pick<Database, 'select' | 'insert'>;

export type DatabaseKindReading =
	| { kind: DatabaseKind; marked: true; markedBy: string; markedAt: Date }
	/** No mark yet: told from the data, or `empty` when there is none to tell from. */
	| { kind: DatabaseKind | 'empty'; marked: false };

/**
 * Databases made before the mark existed are told apart by their accounts: only the demo seed
 * ever wrote an `is_demo` account, and it never ran where a real one existed.
 */
async function inferKind(db: Queries): Promise<DatabaseKind | 'empty'> {
	const [{ demo }] = await db
		.select({ demo: count() })
		.from(table.users)
		.where(eq(table.users.isDemo, true));
	if (demo > 0) return 'demo';
	const [{ users }] = await db.select({ users: count() }).from(table.users);
	const [{ events }] = await db.select({ events: count() }).from(table.events);
	return users > 0 || events > 0 ? 'real' : 'empty';
}

export async function readDatabaseKind(db: Queries): Promise<DatabaseKindReading> {
	const [mark] = await db.select().from(table.databaseKind).limit(1);
	if (mark)
		return { kind: mark.kind, marked: true, markedBy: mark.markedBy, markedAt: mark.markedAt };
	return { kind: await inferKind(db), marked: false };
}

/** Writes the mark unless one is there already (the first writer decides); returns the mark. */
export async function markDatabase(
	db: Queries,
	kind: DatabaseKind,
	markedBy: string,
	now = new Date()
): Promise<DatabaseKindReading> {
	await db
		.insert(table.databaseKind)
		.values({ id: 1, kind, markedBy, markedAt: now })
		.onConflictDoNothing();
	return readDatabaseKind(db);
}

/**
 * After create-admin or /setup: the database becomes a real branch's, unless it is the demo
 * (an admin added to the demo leaves its published passwords in place, so it stays a demo).
 */
export async function markRealUnlessDemo(db: Queries, markedBy: string, now = new Date()) {
	const reading = await readDatabaseKind(db);
	if (reading.marked) return reading;
	return reading.kind === 'demo'
		? markDatabase(db, 'demo', 'existing data', now)
		: markDatabase(db, 'real', markedBy, now);
}

/** Writes down what an unmarked database's data shows, so the answer never changes later. */
export async function settleDatabaseKind(db: Queries, now = new Date()) {
	const reading = await readDatabaseKind(db);
	if (reading.marked || reading.kind === 'empty') return reading;
	return markDatabase(db, reading.kind, 'existing data', now);
}

/** "made by create-admin on 4 December 2026", for messages about a real database. */
export function describeMark(reading: DatabaseKindReading) {
	if (!reading.marked) return reading.kind === 'empty' ? 'empty' : `holds ${reading.kind} data`;
	const day = reading.markedAt.toLocaleDateString('en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'Europe/London'
	});
	return `made by ${reading.markedBy} on ${day}`;
}
