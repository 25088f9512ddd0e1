import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { checkHealth } from '../health.ts';
import { createLogger } from '../log.ts';
import { createJobRecorder, HEARTBEAT_MS, readJobHeartbeats } from './job-runs.ts';

let lines: string[];
const logger = () => createLogger('info', (line) => lines.push(line));
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 22, 12, 0, seconds));

beforeEach(async () => {
	lines = [];
	await db.delete(table.jobRuns);
});

describe('a background job run', () => {
	it('is one JSON line with the job, its duration, the items it handled and how it ended', async () => {
		const record = createJobRecorder({ logger: logger() });
		await record({ job: 'reminders', everyMs: 60_000 }, { ms: 12.4, items: 3 }, at(0));
		const failure = Object.assign(new Error('SQLITE_FULL: database or disk is full'), {
			code: 'SQLITE_FULL'
		});
		await record({ job: 'retention', everyMs: 60_000 }, { ms: 2, items: 0, error: failure }, at(0));
		const parsed = lines.map((line) => JSON.parse(line));
		expect(parsed[0]).toMatchObject({
			level: 'info',
			msg: 'job',
			job: 'reminders',
			ms: 12,
			items: 3,
			outcome: 'ok'
		});
		expect(parsed[1]).toMatchObject({
			level: 'error',
			job: 'retention',
			outcome: 'error',
			code: 'SQLITE_FULL'
		});
	});

	it('that found nothing to do stays out of the log when it runs every second', async () => {
		const record = createJobRecorder({ logger: logger() });
		const email = { job: 'email', everyMs: 1000, quietWhenIdle: true };
		await record(email, { ms: 1, items: 0 }, at(0));
		await record(email, { ms: 80, items: 2, counts: { sent: 2 } }, at(1));
		expect(lines.map((line) => JSON.parse(line))).toEqual([
			expect.objectContaining({ job: 'email', items: 2, sent: 2, outcome: 'ok' })
		]);
	});

	it('writes its heartbeat at most every few seconds, and at once when the outcome changes', async () => {
		const record = createJobRecorder({ logger: logger() });
		const email = { job: 'email', everyMs: 1000, quietWhenIdle: true };
		await record(email, { ms: 1, items: 0 }, at(0));
		await record(email, { ms: 1, items: 0 }, at(5));
		expect(await readJobHeartbeats(at(5))).toEqual([
			{ job: 'email', lastRunAt: at(0).toISOString(), ageSeconds: 5, outcome: 'ok', stale: false }
		]);
		await record(email, { ms: 1, items: 0, error: new Error('provider down') }, at(6));
		expect((await readJobHeartbeats(at(6)))[0]).toMatchObject({ outcome: 'error', ageSeconds: 0 });
		await record(email, { ms: 1, items: 0 }, at(6 + HEARTBEAT_MS / 1000));
		expect((await readJobHeartbeats(at(20)))[0]).toMatchObject({ outcome: 'ok', ageSeconds: 4 });
	});
});

describe('/healthz', () => {
	it('reports a job as stale once it has missed three of its intervals, whichever process ran it', async () => {
		// Another process (npm run worker) ran these; this one only reads the table.
		const elsewhere = createJobRecorder({ logger: logger() });
		await elsewhere({ job: 'reminders', everyMs: 60_000 }, { ms: 5, items: 0 }, at(0));
		await elsewhere({ job: 'email', everyMs: 1000 }, { ms: 5, items: 0 }, at(170));

		const fresh = await checkHealth(at(179));
		expect(fresh).toMatchObject({ ok: true, degraded: false, jobs: { stale: [] } });

		const later = await checkHealth(at(181));
		expect(later).toMatchObject({ ok: true, degraded: true, jobs: { stale: ['reminders'] } });
		expect(later.jobs?.runs).toEqual([
			expect.objectContaining({ job: 'email', ageSeconds: 11, stale: false }),
			expect.objectContaining({ job: 'reminders', ageSeconds: 181, stale: true })
		]);
	});
});
