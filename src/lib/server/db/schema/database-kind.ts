// What this database is: the demo (made by the demo seed) or a real branch's (made by
// create-admin, /setup or a start with DEMO_DATA=off). One row at most, written once.
import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const databaseKinds = ['demo', 'real'] as const;
export type DatabaseKind = (typeof databaseKinds)[number];

export const databaseKind = sqliteTable(
	'database_kind',
	{
		/** Always 1: the primary key keeps a second row out, so the first writer decides. */
		id: integer('id').primaryKey().default(1),
		kind: text('kind', { enum: databaseKinds }).notNull(),
		/** What made it so: the demo seed, create-admin, setup, DEMO_DATA=off, or existing data. */
		markedBy: text('marked_by').notNull(),
		markedAt: integer('marked_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [check('database_kind_one_row', sql`${t.id} = 1`)]
);
