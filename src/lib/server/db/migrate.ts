// Applies drizzle-kit's generated migrations, holding the write lock so that several processes
// starting at once on one database apply each migration exactly once.
import type { Client } from '@libsql/client';
import { readMigrationFiles } from 'drizzle-orm/migrator';

const MIGRATIONS_TABLE = '__drizzle_migrations';

export async function migrateDatabase(client: Client, migrationsFolder = 'drizzle') {
	const migrations = readMigrationFiles({ migrationsFolder });
	if (client.protocol === 'file') {
		// WAL lets readers carry on while one process writes; the setting lives in the file.
		await client.execute('PRAGMA journal_mode = WAL');
	}
	// drizzle-kit rebuilds a table to change a column (create, copy, drop, rename) between
	// PRAGMA foreign_keys=OFF and ON, but that pragma does nothing inside a transaction: with
	// foreign keys on, dropping the old table would cascade-delete every row that refers to it.
	// So they are switched off for the migration, checked before committing, and switched back on.
	await client.execute('PRAGMA foreign_keys = OFF');
	const tx = await client.transaction('write');
	try {
		await tx.execute(
			`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (id INTEGER PRIMARY KEY, hash text NOT NULL, created_at numeric)`
		);
		const last = await tx.execute(
			`SELECT created_at FROM ${MIGRATIONS_TABLE} ORDER BY created_at DESC LIMIT 1`
		);
		const appliedUpTo = last.rows.length ? Number(last.rows[0].created_at) : -1;
		const pending = migrations.filter((m) => m.folderMillis > appliedUpTo);
		for (const migration of pending) {
			for (const statement of migration.sql) {
				if (statement.trim()) await tx.execute(statement);
			}
			await tx.execute({
				sql: `INSERT INTO ${MIGRATIONS_TABLE} (hash, created_at) VALUES (?, ?)`,
				args: [migration.hash, migration.folderMillis]
			});
		}
		const broken = await tx.execute('PRAGMA foreign_key_check');
		if (broken.rows.length) {
			throw new Error(`Migration left ${broken.rows.length} rows with a broken foreign key`);
		}
		await tx.commit();
		return pending.length;
	} finally {
		tx.close();
		await client.execute('PRAGMA foreign_keys = ON');
	}
}
