// What /healthz reports: can this process reach its database, how far behind is email, and
// when each background job last ran in any process sharing the database. Two small reads, so
// a load balancer may ask as often as it likes.
import { config } from './config.ts';
import { readOutboxBacklog } from './email/outbox.ts';
import { readJobHeartbeats } from './jobs/job-runs.ts';

export async function checkHealth(now = new Date()) {
	const started = performance.now();
	try {
		// Reading the outbox backlog is also the proof that the database answers.
		const outbox = await readOutboxBacklog(undefined, now);
		const ms = Math.round(performance.now() - started);
		const runs = await readJobHeartbeats(now);
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
