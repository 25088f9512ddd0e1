// npm start — migrates; gives an empty database the demo (or, with DEMO_DATA=off, makes it a real
// branch's); refuses a real branch's database that lacks its email and grant key settings; then
// serves the production build and says where, what it did, and what to watch out for.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// adapter-node reads these when the build is imported, below.
process.env.PORT ||= '3000';
// Room for a membership list upload of up to 10 MB (adapter-node's own default is 512K).
process.env.BODY_SIZE_LIMIT ||= '11M';

const { config } = await import('../src/lib/server/config.ts');
const { openDatabase } = await import('../src/lib/server/db/client.ts');
const { migrateDatabase } = await import('../src/lib/server/db/migrate.ts');
const { prepareDatabaseForStart } = await import('../src/lib/server/deployment/start-database.ts');
const { exitUnlessReadyForRealBranch } = await import('./start/real-branch-check.ts');
const { startBanner } = await import('./start/banner.ts');

if (!existsSync('build/index.js')) {
	console.error('No production build found: run "npm run build" first (npm start does this).');
	process.exit(1);
}

const { client, db } = openDatabase({
	url: config.databaseUrl,
	authToken: config.databaseAuthToken,
	busyTimeoutMs: config.databaseBusyTimeoutMs
});
const migrationsApplied = await migrateDatabase(client);
const prepared = await prepareDatabaseForStart(db, { demoData: config.demoData });
// While no admin exists, /setup asks for this code: printed below once, only its hash is stored.
const setupCode = await (await import('../src/lib/server/setup/setup-code.ts')).issueSetupCode(db);
client.close();

if (prepared.kind === 'real') {
	exitUnlessReadyForRealBranch(config, prepared.reading);
} else {
	// The demo keeps every email at /dev/mail, open to anyone, and uses the published grant key.
	process.env.ALLOW_DEV_MAIL ||= 'true';
	process.env.ALLOW_DEV_GRANT_KEY ||= 'true';
}

await import(pathToFileURL(resolve('build/index.js')).href);
console.log(startBanner(config, migrationsApplied, prepared));
if (setupCode) {
	console.log(`  First run: open ${config.origin}/setup and enter the setup code ${setupCode}\n`);
}
