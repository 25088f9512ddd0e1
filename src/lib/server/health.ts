// What /healthz reports: can this process reach its database, how far behind is email, and
// when did its background jobs last run.
import { readOutboxBacklog } from './email/outbox.ts';
import { jobHeartbeat } from './jobs/background.ts';

export async function checkHealth() {
	const started = performance.now();
	try {
		// Reading the outbox backlog is also the proof that the database answers.
		const outbox = await readOutboxBacklog();
		const ms = Math.round(performance.now() - started);
		const beat = jobHeartbeat();
		return {
			ok: true,
			database: { reachable: true, ms },
			outbox,
			jobs: { lastRunAt: beat?.toISOString() ?? null }
		};
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return { ok: false, database: { reachable: false, error: reason } };
	}
}
