// npm run db:migrate — applies pending migrations to DATABASE_URL.
import { config } from '../src/lib/server/config.ts';
import { openDatabase } from '../src/lib/server/db/client.ts';
import { migrateDatabase } from '../src/lib/server/db/migrate.ts';

const { client } = openDatabase({
	url: config.databaseUrl,
	authToken: config.databaseAuthToken,
	busyTimeoutMs: config.databaseBusyTimeoutMs
});
const applied = await migrateDatabase(client);
console.log(`Database ready (${applied} migration(s) applied).`);
client.close();
