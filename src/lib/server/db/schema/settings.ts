// What an admin sets about the branch (name, address, contacts, signatory), and the one-time
// code that guards the first-run setup page on a database with no admin.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** One row per setting; a missing row means the default (from the environment, or empty). */
export const branchSettings = sqliteTable('branch_settings', {
	key: text('key').primaryKey(),
	value: text('value').notNull(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
	/** Null when the demo seed or the setup wizard before sign-in wrote it. */
	updatedBy: integer('updated_by')
});

/** At most one live code: the start command issues a new one on each start while no admin exists. */
export const setupCodes = sqliteTable('setup_codes', {
	id: integer('id').primaryKey(),
	/** SHA-256 of the code, hex; the code itself is printed once and never stored. */
	codeHash: text('code_hash').notNull(),
	issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
	usedAt: integer('used_at', { mode: 'timestamp_ms' })
});
