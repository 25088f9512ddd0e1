// A real branch tried as the README says: `npm run create-admin` on a new database, then the
// start command. It refuses without a way to send email and a grant data key (exit 1, one line
// each); with them set it serves, and nobody signed out reads /dev/mail. With the dev stand-ins
// allowed by name it warns, and /dev/mail answers only an admin who has passed two-factor.
// An empty database still gives the demo (open mailbox, forms from 127.0.0.1 accepted, email
// links on the configured origin), and DEMO_DATA=off gives a real branch's instead.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import * as table from '../../src/lib/server/db/schema/index.ts';
import { insertSignedInSession } from '../../src/lib/server/testing/signed-in-session.ts';
import { testPorts } from '../load/servers.ts';
import {
	runStartCommand,
	startEnvironment,
	untilServing,
	type StartedCommand
} from './support/start-command.ts';

const folder = mkdtempSync(join(tmpdir(), 'branchdesk-real-start-'));
const [port] = testPorts(10, 1);
const server = `http://127.0.0.1:${port}`;
const REAL_SETTINGS = {
	EMAIL_TRANSPORT: 'smtp',
	SMTP_URL: 'smtp://127.0.0.1:9',
	EMAIL_FROM: 'office@branch.example.org',
	GRANT_DATA_KEY: Buffer.alloc(32, 7).toString('base64')
};
let running: StartedCommand | null = null;
let databases = 0;

afterEach(async () => {
	await running?.stop();
	running = null;
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

function newDatabase() {
	return `file:${join(folder, `branch-${++databases}.db`)}`;
}

function createAdmin(databaseUrl: string) {
	const run = spawnSync(
		process.execPath,
		['scripts/create-admin.ts', '--email', 'chair@branch.example.org', '--name', 'Ruth Adeyemi'],
		{ env: startEnvironment(databaseUrl), encoding: 'utf8', timeout: 60_000 }
	);
	expect(run.status, run.stderr).toBe(0);
	expect(run.stdout).toContain('Created an admin account for Ruth Adeyemi');
}

function runStartToEnd(databaseUrl: string, settings: Record<string, string> = {}) {
	return spawnSync(process.execPath, ['scripts/start.ts'], {
		env: startEnvironment(databaseUrl, { PORT: String(port), ...settings }),
		encoding: 'utf8',
		timeout: 60_000
	});
}

async function serve(databaseUrl: string, settings: Record<string, string>) {
	running = runStartCommand(databaseUrl, { PORT: String(port), ...settings });
	await untilServing(running, server);
	return running;
}

/** A signed-in session for the admin, two-factor enrolled and passed, as its cookie. */
async function adminPastTwoFactor(databaseUrl: string) {
	const { client, db } = openDatabase({ url: databaseUrl, busyTimeoutMs: 5000 });
	const now = new Date();
	const [admin] = await db
		.update(table.users)
		.set({ totpSecret: 'JBSWY3DPEHPK3PXP', totpEnrolledAt: now })
		.where(eq(table.users.email, 'chair@branch.example.org'))
		.returning();
	const token = await insertSignedInSession(db, admin.id, now);
	client.close();
	return `session=${token}`;
}

describe('a database made by create-admin', () => {
	it('refuses to start without EMAIL_TRANSPORT and GRANT_DATA_KEY, one line for each', () => {
		const databaseUrl = newDatabase();
		createAdmin(databaseUrl);
		const start = runStartToEnd(databaseUrl);
		expect(start.status).toBe(1);
		const lines = start.stderr.trim().split('\n');
		expect(lines[0]).toMatch(
			/^Branchdesk cannot start: this is a real branch's database \(made by create-admin on \d+ \w+ \d{4}\), and it needs these settings:$/
		);
		expect(lines.slice(1, -1)).toEqual([
			expect.stringMatching(
				/^ {2}EMAIL_TRANSPORT is not set: set EMAIL_TRANSPORT=smtp with SMTP_URL, or EMAIL_TRANSPORT=resend with RESEND_API_KEY, and EMAIL_FROM \(or ALLOW_DEV_MAIL=true/
			),
			expect.stringMatching(
				/^ {2}GRANT_DATA_KEY is not set: 32 random bytes from `openssl rand -base64 32`/
			)
		]);
		expect(lines.at(-1)).toContain('.env.example');
		// It never served, and never turned the dev mailbox on.
		expect(start.stdout).not.toContain('is running at');
	}, 90_000);

	it('with them set, serves, a signed-out visitor gets 404 from /dev/mail.json, and forms come only from ORIGIN', async () => {
		const databaseUrl = newDatabase();
		createAdmin(databaseUrl);
		const started = await serve(databaseUrl, {
			...REAL_SETTINGS,
			ORIGIN: 'https://desk.example.org'
		});
		expect((await fetch(`${server}/dev/mail.json?to=chair@branch.example.org`)).status).toBe(404);
		// With ORIGIN set, a form from the address the request reached is refused all the same.
		const fromAnotherAddress = await fetch(`${server}/login`, {
			method: 'POST',
			headers: {
				origin: server,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ email: 'chair@branch.example.org', password: 'x' })
		});
		expect(fromAnotherAddress.status).toBe(403);
		expect(await fromAnotherAddress.text()).toContain(
			'This form was not sent from https://desk.example.org, so nothing was saved.'
		);
		expect((await fetch(`${server}/dev/mail`)).status).toBe(404);
		expect(started.output()).toContain('a real branch’s (made by create-admin on');
		expect(started.output()).not.toContain('WARNING');
	}, 120_000);

	it('with the dev stand-ins allowed by name, warns, and shows /dev/mail only to an admin past two-factor', async () => {
		const databaseUrl = newDatabase();
		createAdmin(databaseUrl);
		const started = await serve(databaseUrl, {
			ALLOW_DEV_MAIL: 'true',
			ALLOW_DEV_GRANT_KEY: 'true'
		});
		expect(started.output()).toMatch(/WARNING: Email is not sent \(ALLOW_DEV_MAIL=true\)/);
		expect(started.output()).toMatch(
			/WARNING: Grant applicants' bank details are encrypted with the published development key/
		);
		expect((await fetch(`${server}/dev/mail.json`)).status).toBe(404);
		expect((await fetch(`${server}/dev/mail/1/message.eml`)).status).toBe(404);
		const cookie = await adminPastTwoFactor(databaseUrl);
		const asAdmin = await fetch(`${server}/dev/mail.json`, { headers: { cookie } });
		expect(asAdmin.status).toBe(200);
		expect(await asAdmin.json()).toEqual([]);
	}, 120_000);
});

describe('an empty database', () => {
	it('with DEMO_DATA=off gets no demo data and is a real branch’s from then on', async () => {
		const databaseUrl = newDatabase();
		const start = runStartToEnd(databaseUrl, { DEMO_DATA: 'off' });
		expect(start.status).toBe(1);
		expect(start.stderr).toMatch(/real branch's database \(made by DEMO_DATA=off on/);
		const again = runStartToEnd(databaseUrl);
		expect(again.stderr).toMatch(/real branch's database \(made by DEMO_DATA=off on/);
		const { client, db } = openDatabase({ url: databaseUrl, busyTimeoutMs: 5000 });
		const [{ events }] = await db.select({ events: count() }).from(table.events);
		const [{ users }] = await db.select({ users: count() }).from(table.users);
		client.close();
		expect({ events, users }).toEqual({ events: 0, users: 0 });
	}, 90_000);

	it('gives the demo: an open dev mailbox, forms taken from 127.0.0.1, links on the configured origin', async () => {
		const databaseUrl = newDatabase();
		const started = await serve(databaseUrl, {});
		expect(started.output()).toContain(`Branchdesk is running at http://localhost:${port}`);
		expect(started.output()).toMatch(/Done: applied \d+ migration\(s\); added the demo data/);
		expect((await fetch(`${server}/dev/mail.json`)).status).toBe(200);

		const reset = await fetch(`${server}/forgot-password`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: server,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ email: 'amara.okafor@branchdesk.example' })
		});
		expect(reset.status).toBe(200);
		const { client } = openDatabase({ url: databaseUrl, busyTimeoutMs: 5000 });
		const { rows } = await client.execute(
			"select text_body from outbox where template = 'password-reset'"
		);
		client.close();
		// Sent from 127.0.0.1, yet the link is on the configured origin, never the request's Host.
		expect(String(rows[0].text_body)).toContain(`http://localhost:${port}/reset-password?token=`);
		expect(String(rows[0].text_body)).not.toContain('127.0.0.1');
	}, 120_000);
});
