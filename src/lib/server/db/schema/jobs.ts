// When each background job last ran, written by whichever process ran it, so that /healthz in
// any process (a web process with WORKERS=off too) sees workers running elsewhere.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const jobRuns = sqliteTable('job_runs', {
	job: text('job').primaryKey(),
	lastRunAt: integer('last_run_at', { mode: 'timestamp_ms' }).notNull(),
	lastOutcome: text('last_outcome', { enum: ['ok', 'error'] }).notNull(),
	/** How often the process running it writes this row: a row much older means it stopped. */
	everyMs: integer('every_ms').notNull()
});

export type JobRun = typeof jobRuns.$inferSelect;
