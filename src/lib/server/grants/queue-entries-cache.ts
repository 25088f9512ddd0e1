// The welfare queue's entries for a round, reused while the database has provably not changed.
// Working the rules out over a winter's 2,000 applications is most of what a queue page costs,
// and officers page, filter and step through the queue far more often than anything changes.
// On an embedded database SQLite says when something may have: `data_version` moves when another
// connection (another process) commits, and `total_changes()` counts this connection's own writes.
// Both start again on a new connection, so each fill also leaves a token in the connection's own
// temp schema; a reopened connection does not have it, and its first read fills afresh.
import { sql } from 'drizzle-orm';
import { db as defaultDb } from '../db/index.ts';
import {
	compactRows,
	sharedHouseholds,
	toQueueEntries,
	type QueueEntry,
	type SharedHousehold
} from './queue-entries.ts';

type Database = typeof defaultDb;
type Stamp = { dv: number; tc: number };
type Filled = { roundId: number; token: number; stamp: string; entries: QueueEntry[] };

const STAMP = sql`select (select data_version from pragma_data_version) as dv,
	total_changes() as tc`;
const filled = new WeakMap<Database, Filled>();
let lastToken = Math.floor(Math.random() * 1_000_000) * 1000;

const stampOf = (row: Stamp | undefined) => (row ? `${row.dv}:${row.tc}` : '');

/** A libSQL server may answer each statement on another connection: no stamp can be trusted. */
const canReuse = (db: Database) => db.$client.protocol === 'file';

async function unchanged(db: Database, roundId: number) {
	const last = filled.get(db);
	if (!last || last.roundId !== roundId) return null;
	const [[token], [stamp]] = await db.batch([
		db.all<{ user_version: number }>(sql`pragma temp.user_version`),
		db.all<Stamp>(STAMP)
	]);
	return token?.user_version === last.token && stampOf(stamp) === last.stamp ? last.entries : null;
}

async function fill(db: Database, roundId: number) {
	const token = ++lastToken;
	// One batch is one transaction on one connection: the token marks the connection the stamp
	// and the entries were read on, and the stamp is read from the same snapshot as the entries.
	const [, [stamp], [summary], households] = await db.batch([
		db.run(sql.raw(`pragma temp.user_version = ${token}`)),
		db.all<Stamp>(STAMP),
		db.all<{ rows: string }>(compactRows(roundId)),
		db.all<SharedHousehold>(sharedHouseholds(roundId))
	]);
	const entries = toQueueEntries(summary?.rows, households);
	filled.set(db, { roundId, token, stamp: stampOf(stamp), entries });
	return entries;
}

export async function readQueueEntries(roundId: number, db = defaultDb): Promise<QueueEntry[]> {
	if (!canReuse(db)) {
		const [[summary], households] = await db.batch([
			db.all<{ rows: string }>(compactRows(roundId)),
			db.all<SharedHousehold>(sharedHouseholds(roundId))
		]);
		return toQueueEntries(summary?.rows, households);
	}
	return (await unchanged(db, roundId)) ?? (await fill(db, roundId));
}
