// What /healthz reports: is the process alive and can it reach its database.
import { client } from './db/index.ts';

export async function checkHealth() {
	const started = performance.now();
	try {
		await client.execute('select 1');
		return { ok: true, database: { reachable: true, ms: Math.round(performance.now() - started) } };
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return { ok: false, database: { reachable: false, error: reason } };
	}
}
