// npm start — migrates, seeds demo data into an empty database, then serves the production build.
// It sets ORIGIN from the URL it prints, so forms posted from that URL over plain http are accepted.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const port = process.env.PORT || '3000';
process.env.PORT = port;
process.env.ORIGIN ||= `http://localhost:${port}`;
// Room for a membership list upload of up to 10 MB (adapter-node's own default is 512K).
process.env.BODY_SIZE_LIMIT ||= '11M';
// The demo keeps every email at /dev/mail instead of sending it (EMAIL_TRANSPORT=dev).
process.env.ALLOW_DEV_MAIL ||= 'true';
// The demo's grant bank details use the published development key; real branches set GRANT_DATA_KEY.
process.env.ALLOW_DEV_GRANT_KEY ||= 'true';

const { config } = await import('../src/lib/server/config.ts');
const { openDatabase } = await import('../src/lib/server/db/client.ts');
const { migrateDatabase } = await import('../src/lib/server/db/migrate.ts');
const {
	seedDemoData,
	DemoSeedRefused,
	DEMO_PASSWORDS,
	DEMO_TOTP_SECRET,
	DEMO_UNCLAIMED_MEMBER,
	DEMO_UNVERIFIED_EMAIL,
	demoMembers,
	demoStaff
} = await import('../src/lib/server/demo/seed-demo.ts');

if (!existsSync('build/index.js')) {
	console.error('No production build found: run "npm run build" first (npm start does this).');
	process.exit(1);
}

const { client, db } = openDatabase({
	url: config.databaseUrl,
	authToken: config.databaseAuthToken,
	busyTimeoutMs: config.databaseBusyTimeoutMs
});
await migrateDatabase(client);
let realAccounts = false;
try {
	const outcome = await seedDemoData(db);
	if (outcome.seeded) console.log(`Seeded demo data: ${outcome.events} events.`);
} catch (error) {
	if (!(error instanceof DemoSeedRefused)) throw error;
	realAccounts = true;
}
// While no admin exists, /setup asks for this code: printed below once, only its hash is stored.
const setupCode = await (await import('../src/lib/server/setup/setup-code.ts')).issueSetupCode(db);
client.close();

await import(pathToFileURL(resolve('build/index.js')).href);

console.log(`
  Branchdesk is running at ${config.origin}
  Database: ${config.databaseUrl}
  Email: ${config.email.transport === 'dev' ? `not sent; read it at ${config.origin}/dev/mail` : `sent with ${config.email.transport}`}

${realAccounts ? realAccountsNote() : demoSignIns()}
  Stop with Ctrl+C.
`);
if (setupCode) {
	console.log(`  First run: open ${config.origin}/setup and enter the setup code ${setupCode}\n`);
}

function realAccountsNote() {
	return `  This database holds real accounts: the start command adds no demo data to it.
  Make another admin with: npm run create-admin -- --email someone@example.org
`;
}

function demoSignIns() {
	return `  Demo sign-ins (demo data only):
    member     ${demoMembers[0].email}  password ${DEMO_PASSWORDS.member}
    lapsed     ${demoMembers.at(-1)!.email}  password ${DEMO_PASSWORDS.member} (subs out of date)
    unverified ${DEMO_UNVERIFIED_EMAIL}  password ${DEMO_PASSWORDS.member} (email not confirmed)
${demoStaff.map((s) => `    ${s.roles.join(', ').padEnd(10)} ${s.email}  password ${DEMO_PASSWORDS.staff}`).join('\n')}
  To try the membership check on a new account: membership number ${DEMO_UNCLAIMED_MEMBER.membershipNumber},
  surname ${DEMO_UNCLAIMED_MEMBER.surname}, postcode ${DEMO_UNCLAIMED_MEMBER.postcode}.

  Staff pages also ask for a two-factor code. The demo staff share the key
    ${DEMO_TOTP_SECRET}
  (add it to any authenticator app), or print the current code with
    npm run demo:code -- ${demoStaff[0].email}
`;
}
