// npm run create-admin -- --email someone@example.org [--name "Full Name"]
// Makes the first admin (or any later one) from the shell: a new account with a random password
// shown once, or the admin role for an existing account. The audit log records the shell as actor.
// A database that is not the demo is marked a real branch's, so no demo data is ever added to it.
import { parseArgs } from 'node:util';
import { config } from '../src/lib/server/config.ts';
import { client, db } from '../src/lib/server/db/index.ts';
import { migrateDatabase } from '../src/lib/server/db/migrate.ts';
import { createOrPromoteAdmin } from '../src/lib/server/auth/roles.ts';
import { markRealUnlessDemo } from '../src/lib/server/deployment/database-kind.ts';

const USAGE = 'Usage: npm run create-admin -- --email someone@example.org [--name "Full Name"]';

let options: { email?: string; name?: string };
try {
	options = parseArgs({
		options: { email: { type: 'string' }, name: { type: 'string' } }
	}).values;
} catch (error) {
	console.error(`${(error as Error).message}\n${USAGE}`);
	process.exit(1);
}
if (!options.email) {
	console.error(`Give the new admin's email address.\n${USAGE}`);
	process.exit(1);
}

try {
	await migrateDatabase(client);
	const result = await createOrPromoteAdmin({ email: options.email, name: options.name });
	if (!result.ok) {
		console.error(result.error);
		process.exitCode = 1;
	} else {
		const { user } = result;
		const kind = await markRealUnlessDemo(db, 'create-admin');
		// The address the server is configured with; run with the server's ORIGIN (or PORT) set.
		const guessed = !process.env.ORIGIN?.trim() && !process.env.PORT?.trim();
		const signIn = `${config.origin}/login?redirectTo=%2Fadmin${guessed ? ' (or the same path at your ORIGIN, if the server has one set)' : ''}`;
		if (result.outcome === 'created') {
			console.log(`Created an admin account for ${user.name} <${user.email}>.

  Password: ${result.password}
  (shown this once; only its hash is stored, so pass it on safely)

Next: sign in at ${signIn}
The first sign-in asks you to set up two-factor with an authenticator app
and shows recovery codes to keep somewhere safe.`);
		} else if (result.outcome === 'promoted') {
			console.log(`${user.name} <${user.email}> is now an admin (roles: ${user.roles.join(', ')}).
They have been signed out everywhere.

Next: they sign in at ${signIn}
If they have not set up two-factor yet, that sign-in asks them to.`);
		} else {
			console.log(`${user.name} <${user.email}> is already an admin. Nothing changed.`);
		}
		if (kind.kind === 'demo') {
			console.log(`
This database is the demo: its demo accounts and published passwords stay. For a real branch,
start from a new database (DATABASE_URL) and run create-admin there.`);
		}
	}
} finally {
	client.close();
}
