// npm run worker — runs the background jobs (email delivery) without serving pages, for a
// deployment that keeps web processes with WORKERS=off.
import { assertSafeToServe, config, exitOnConfigError } from '../src/lib/server/config.ts';
import { client } from '../src/lib/server/db/index.ts';
import { migrateDatabase } from '../src/lib/server/db/migrate.ts';
import { startBackgroundJobs } from '../src/lib/server/jobs/background.ts';
import { log } from '../src/lib/server/log.ts';

exitOnConfigError(() => assertSafeToServe(config));
await migrateDatabase(client);
const jobs = startBackgroundJobs(config);
log.info('worker-started', { transport: config.email.transport });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, async () => {
		await jobs.stop();
		client.close();
		process.exit(0);
	});
}
