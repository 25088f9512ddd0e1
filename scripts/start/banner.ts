// What npm start prints once the server listens: where it is, what the start did, warnings
// about development stand-ins in use, and the demo sign-ins (demo only).
import { networkInterfaces } from 'node:os';
import type { Config } from '../../src/lib/server/config.ts';
import { describeMark } from '../../src/lib/server/deployment/database-kind.ts';
import { developmentStandIns } from '../../src/lib/server/deployment/real-branch-settings.ts';
import type { PreparedDatabase } from '../../src/lib/server/deployment/start-database.ts';
import {
	DEMO_PASSWORDS,
	DEMO_TOTP_SECRET,
	DEMO_UNCLAIMED_MEMBER,
	DEMO_UNVERIFIED_EMAIL,
	demoMembers,
	demoStaff
} from '../../src/lib/server/demo/seed-demo.ts';

/** The machine's own network addresses, where a demo on the office network is reached too. */
function lanAddresses(port: number) {
	return Object.values(networkInterfaces())
		.flat()
		.filter((address) => address && address.family === 'IPv4' && !address.internal)
		.map((address) => `http://${address!.address}:${port}`);
}

function whatItDid(migrationsApplied: number, prepared: PreparedDatabase) {
	const done: string[] = [];
	if (migrationsApplied > 0) done.push(`applied ${migrationsApplied} migration(s)`);
	if (prepared.seeded) {
		done.push(
			`added the demo data (${prepared.seeded.events} events, ${prepared.seeded.users} people)`
		);
	}
	if (prepared.markedReal) done.push('made this new database a real branch’s (DEMO_DATA=off)');
	return done.length ? `  Done: ${done.join('; ')}.\n` : '';
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

function realBranchNote() {
	return `  This is a real branch's database: the start command adds no demo data to it.
  Make another admin with: npm run create-admin -- --email someone@example.org
`;
}

export function startBanner(config: Config, migrationsApplied: number, prepared: PreparedDatabase) {
	const elsewhere = config.originPinned ? [] : lanAddresses(config.port);
	const warnings = developmentStandIns(config, prepared.kind);
	return `
  Branchdesk is running at ${config.origin}
${elsewhere.length ? `  On this network: ${elsewhere.join(', ')}\n` : ''}  Database: ${config.databaseUrl}, ${prepared.kind === 'demo' ? 'the demo' : 'a real branch’s'} (${describeMark(prepared.reading)})
${whatItDid(migrationsApplied, prepared)}  Email: ${config.email.transport === 'dev' ? 'not sent (dev mailbox)' : `sent with ${config.email.transport} from ${config.email.fromAddress}`}
${warnings.map((w) => `\n  WARNING: ${w}`).join('')}

${prepared.kind === 'demo' ? demoSignIns() : realBranchNote()}
  Stop with Ctrl+C.
`;
}
