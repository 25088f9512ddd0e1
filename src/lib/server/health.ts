// What /healthz reports: can this process reach its database, how far behind is email, and
// when each background job last ran in any process sharing the database. Cheap, so a load
// balancer may ask as often as it likes.
import { config } from './config.ts';
import { readOutboxBacklog } from './email/outbox.ts';
import { judgeJobRuns, readJobRuns } from './jobs/job-runs.ts';

// Heartbeats change at most every few seconds: one read a second serves every /healthz meanwhile.
const HEARTBEAT_READ_REUSE_MS = 1000;
let heartbeatRead: { until: number; rows: ReturnType<typeof readJobRuns> } | null = null;

function recentJobRuns() {
	if (!heartbeatRead || heartbeatRead.until < performance.now()) {
		const rows = readJobRuns();
		heartbeatRead = { until: performance.now() + HEARTBEAT_READ_REUSE_MS, rows };
		// A failed read is not kept: the next request asks the database again.
		rows.catch(() => (heartbeatRead = null));
	}
	return heartbeatRead.rows;
}

export async function checkHealth(now = new Date()) {
	const started = performance.now();
	try {
		// Reading the outbox backlog is also the proof that the database answers.
		const outbox = await readOutboxBacklog(undefined, now);
		const ms = Math.round(performance.now() - started);
		const runs = judgeJobRuns(await recentJobRuns(), now);
		const stale = runs.filter((run) => run.stale).map((run) => run.job);
		return {
			ok: true,
			// Jobs that stopped do not make this process unfit to serve pages: it stays up, degraded.
			degraded: stale.length > 0,
			database: { reachable: true, ms },
			outbox,
			jobs: { runHere: config.workers === 'on', stale, runs }
		};
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return { ok: false, degraded: false, database: { reachable: false, error: reason } };
	}
}
