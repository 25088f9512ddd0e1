// Applies drizzle-kit's generated migrations so that several processes starting at once on one
// database apply each migration exactly once, on an embedded file and on a libSQL server alike.
//
// All pending migrations go to the database as ONE batch through libSQL's `client.migrate`,
// which runs it on one connection (one stream on a server) with foreign keys off around the
// transaction. That matters because drizzle-kit changes a column by rebuilding its table
// (create, copy, drop, rename), and with foreign keys on, dropping the old table would
// cascade-delete every row that refers to it; `PRAGMA foreign_keys` does nothing inside a
// transaction, and on a server a separate statement would reach another connection.
//
// Each migration's record is the first statement of its part of the batch, under a unique
// index: a process that lost the race fails on it, its whole batch rolls back, and it finds the
// migrations applied when it looks again. The batch ends with a check that no foreign key was
// left broken, so a bad migration changes nothing.
import type { Client, InStatement } from '@libsql/client';
import { readMigrationFiles } from 'drizzle-orm/migrator';

const MIGRATIONS_TABLE = '__drizzle_migrations';

const FOREIGN_KEYS_INTACT: InStatement[] = [
	'CREATE TEMP TABLE IF NOT EXISTS migration_checks (foreign_keys_intact INTEGER NOT NULL CHECK (foreign_keys_intact))',
	'INSERT INTO migration_checks SELECT NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check)',
	'DROP TABLE migration_checks'
];

async function appliedMigrations(client: Client) {
	const rows = await client.execute(`SELECT created_at FROM ${MIGRATIONS_TABLE}`);
	return new Set(rows.rows.map((row) => Number(row.created_at)));
}

/** Applies every migration not yet recorded, in the journal's order; answers how many. */
export async function migrateDatabase(client: Client, migrationsFolder = 'drizzle') {
	const migrations = readMigrationFiles({ migrationsFolder });
	if (client.protocol === 'file') {
		// WAL lets readers carry on while one process writes; the setting lives in the file.
		await client.execute('PRAGMA journal_mode = WAL');
	}
	await client.batch(
		[
			`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (id INTEGER PRIMARY KEY, hash text NOT NULL, created_at numeric)`,
			`CREATE UNIQUE INDEX IF NOT EXISTS ${MIGRATIONS_TABLE}_once ON ${MIGRATIONS_TABLE} (created_at)`
		],
		'write'
	);
	let applied = await appliedMigrations(client);
	for (;;) {
		const pending = migrations.filter((m) => !applied.has(m.folderMillis));
		if (!pending.length) return 0;
		const statements = pending.flatMap((migration): InStatement[] => [
			{
				sql: `INSERT INTO ${MIGRATIONS_TABLE} (hash, created_at) VALUES (?, ?)`,
				args: [migration.hash, migration.folderMillis]
			},
			...migration.sql.filter((statement) => statement.trim())
		]);
		try {
			await client.migrate([...statements, ...FOREIGN_KEYS_INTACT]);
			return pending.length;
		} catch (error) {
			const now = await appliedMigrations(client);
			// Another process recorded some of them first: look again at what is left.
			if (now.size === applied.size) throw error;
			applied = now;
		}
	}
}
