// npm run demo:reset — rebuilds the demo data with dates fresh from today.
import { config } from '../src/lib/server/config.ts';
import { openDatabase } from '../src/lib/server/db/client.ts';
import { migrateDatabase } from '../src/lib/server/db/migrate.ts';
import { DemoSeedRefused, seedDemoData } from '../src/lib/server/demo/seed-demo.ts';

const reset = process.argv.includes('--reset');
const { client, db } = openDatabase({
	url: config.databaseUrl,
	authToken: config.databaseAuthToken,
	busyTimeoutMs: config.databaseBusyTimeoutMs
});
try {
	await migrateDatabase(client);
	const outcome = await seedDemoData(db, { reset });
	console.log(
		outcome.seeded
			? `Demo data ready: ${outcome.events} events, ${outcome.users} people.`
			: 'The database already holds data; nothing changed (use npm run demo:reset to rebuild it).'
	);
} catch (error) {
	if (!(error instanceof DemoSeedRefused)) throw error;
	console.error(error.message);
	process.exitCode = 1;
} finally {
	client.close();
}
