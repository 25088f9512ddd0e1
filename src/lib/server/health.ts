// What /healthz reports: can this process reach its database, how far behind is email, and
// when did its background jobs last run.
import { client } from './db/index.ts';
import { readOutboxHealth } from './email/outbox.ts';
import { jobHeartbeat } from './jobs/background.ts';

export async function checkHealth() {
	const started = performance.now();
	try {
		await client.execute('select 1');
		const ms = Math.round(performance.now() - started);
		const outbox = await readOutboxHealth();
		const beat = jobHeartbeat();
		return {
			ok: true,
			database: { reachable: true, ms },
			outbox: {
				backlog: outbox.backlog,
				oldestPendingSeconds: outbox.oldestPendingSeconds,
				failed: outbox.counts.failed,
				dead: outbox.counts.dead
			},
			jobs: { lastRunAt: beat?.toISOString() ?? null }
		};
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return { ok: false, database: { reachable: false, error: reason } };
	}
}
