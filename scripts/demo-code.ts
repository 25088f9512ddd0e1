// npm run demo:code -- EMAIL — prints a demo staff member's current two-factor code, for anyone
// trying the demo without an authenticator app. Real accounts are refused.
import { config } from '../src/lib/server/config.ts';
import { openDatabase } from '../src/lib/server/db/client.ts';
import { demoStaffCode } from '../src/lib/server/demo/demo-code.ts';

const email = process.argv[2] ?? '';
const { client, db } = openDatabase({
	url: config.databaseUrl,
	authToken: config.databaseAuthToken,
	busyTimeoutMs: config.databaseBusyTimeoutMs
});
try {
	const result = await demoStaffCode(db, email);
	if (result.ok) {
		console.log(
			`${result.code}  (two-factor code for ${email.trim().toLowerCase()}; it changes in ${result.secondsLeft} seconds)`
		);
	} else {
		console.error(result.error);
		if (!email) console.error('Usage: npm run demo:code -- admin@branchdesk.example');
		process.exitCode = 1;
	}
} catch (error) {
	const reason = (error as Error).cause instanceof Error ? (error as Error).cause : error;
	console.error(
		`Could not read the database at ${config.databaseUrl}: ${(reason as Error).message}\nRun npm start first: it creates the demo data.`
	);
	process.exitCode = 1;
} finally {
	client.close();
}
