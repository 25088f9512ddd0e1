// Each background job run becomes one log line and a heartbeat: the job's `job_runs` row says
// when it last ran, whichever process ran it. A job that runs every second (the email worker)
// writes its row at most every HEARTBEAT_MS, so the heartbeat never becomes a stream of writes.
import { sql } from 'drizzle-orm';
import { db as defaultDb, table } from '../db/index.ts';
import { describeError, log, type Logger } from '../log.ts';

export const HEARTBEAT_MS = 10_000;
/** A job whose row is older than this many of its intervals has stopped running somewhere. */
const STALE_AFTER_INTERVALS = 3;

export type JobRun = {
	ms: number;
	items: number;
	/** How the items ended, e.g. { sent: 18, retry: 2 }. */
	counts?: Record<string, number | undefined>;
	error?: unknown;
};

export type JobSchedule = {
	job: string;
	/** How often the job runs in this process. */
	everyMs: number;
	/** Runs that found nothing to do are logged only at LOG_LEVEL=debug. */
	quietWhenIdle?: boolean;
};

export function createJobRecorder(options: { db?: typeof defaultDb; logger?: Logger } = {}) {
	const { db = defaultDb, logger = log } = options;
	const lastWritten = new Map<string, { at: number; outcome: 'ok' | 'error' }>();

	return async function recordJobRun(schedule: JobSchedule, run: JobRun, now = new Date()) {
		const outcome = run.error === undefined ? 'ok' : 'error';
		const fields = {
			job: schedule.job,
			ms: Math.round(run.ms),
			items: run.items,
			...run.counts,
			outcome
		};
		if (outcome === 'error') logger.error('job', { ...fields, ...describeError(run.error) });
		else if (run.items === 0 && schedule.quietWhenIdle) logger.debug('job', fields);
		else logger.info('job', fields);

		const previous = lastWritten.get(schedule.job);
		if (previous && previous.outcome === outcome && now.getTime() - previous.at < HEARTBEAT_MS) {
			return;
		}
		const row = {
			job: schedule.job,
			lastRunAt: now,
			lastOutcome: outcome,
			everyMs: Math.max(schedule.everyMs, HEARTBEAT_MS)
		} as const;
		try {
			await db
				.insert(table.jobRuns)
				.values(row)
				.onConflictDoUpdate({
					target: table.jobRuns.job,
					set: {
						lastRunAt: sql`excluded.last_run_at`,
						lastOutcome: sql`excluded.last_outcome`,
						everyMs: sql`excluded.every_ms`
					}
				});
			lastWritten.set(schedule.job, { at: now.getTime(), outcome });
		} catch (error) {
			// The next run tries again; a missed heartbeat only shows if they keep failing.
			logger.warn('job-heartbeat', { job: schedule.job, ...describeError(error) });
		}
	};
}

export async function readJobRuns(db = defaultDb) {
	return db.select().from(table.jobRuns).orderBy(table.jobRuns.job);
}

/** When each job last ran anywhere, and whether it has stopped. */
export function judgeJobRuns(rows: (typeof table.jobRuns.$inferSelect)[], now = new Date()) {
	return rows.map((row) => {
		const ageMs = now.getTime() - row.lastRunAt.getTime();
		return {
			job: row.job,
			lastRunAt: row.lastRunAt.toISOString(),
			ageSeconds: Math.round(ageMs / 1000),
			outcome: row.lastOutcome,
			stale: ageMs > STALE_AFTER_INTERVALS * row.everyMs
		};
	});
}

export async function readJobHeartbeats(now = new Date(), db = defaultDb) {
	return judgeJobRuns(await readJobRuns(db), now);
}
