// README.md's "Run it for your branch", as written: every command an operator types that can run
// here (as this user instead of `sudo -u branchdesk`), in order, against a settings file made
// from deploy/branchdesk.env; then the systemd units' own commands (web, worker, backup) on the
// database those commands made; then the units checked by systemd-analyze verify. Commands that
// need root, systemd as init or the internet are listed with the reason they are not run here.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { readDatabaseKind } from '../../src/lib/server/deployment/database-kind.ts';
import { testPorts } from '../load/servers.ts';
import { waitUntil } from '../load/workers.ts';
import {
	commandWords,
	readEnvironmentFile,
	readmeDeploymentCommands
} from './support/deployment-steps.ts';
import { readUnit } from './support/deployment-steps.ts';
import { startEnvironment } from './support/start-command.ts';

const NOT_RUN_HERE: [RegExp, string][] = [
	[
		/^curl -fsSL https:\/\/deb\.nodesource\.com/,
		'installs Node system-wide: root and the internet'
	],
	[/^sudo apt-get /, 'installs system packages: root'],
	[/^sudo useradd /, 'adds a system user: root'],
	[/^sudo git clone /, 'this checkout is the clone'],
	[/^sudo chown /, 'root'],
	[/^cd \/opt\/branchdesk$/, 'the test runs in this checkout'],
	[/^sudo -u branchdesk npm ci$/, '.ci/run runs npm ci on every CI run'],
	[/^sudo -u branchdesk npm run build$/, 'tests/load/build-once.ts makes this build first'],
	[/^sudo -u branchdesk git pull$/, "needs the repository's remote"],
	[/^sudo install /, 'root; the test writes its own copy of deploy/branchdesk.env'],
	[/^sudo nano /, 'an edit by hand: the test fills in the same settings'],
	[/^sudo cp deploy\//, 'copies into /etc: root; the files are checked below'],
	[/^sudo systemctl |^journalctl /, "systemd as init: the units' commands are run below instead"],
	[/^turso /, 'needs a Turso account']
];
const RUN_HERE = [/^sudo -u branchdesk deploy\/with-env /, /^openssl rand /, /^cp /, /^sqlite3 /];

const folder = mkdtempSync(join(tmpdir(), 'branchdesk-deploy-'));
const state = join(folder, 'var-lib-branchdesk');
const settingsFile = join(folder, 'branchdesk.env');
const backups = join(state, 'backups');
const [port] = testPorts(12, 1);
const checkout = process.cwd();

afterAll(() => rmSync(folder, { recursive: true, force: true }));

function writeSettings(changes: Record<string, string>) {
	let text = readFileSync(
		existsSync(settingsFile) ? settingsFile : 'deploy/branchdesk.env',
		'utf8'
	);
	text = text.replaceAll('/var/lib/branchdesk', state);
	for (const [name, value] of Object.entries(changes)) {
		text = text.replace(new RegExp(`^${name}=.*$`, 'm'), `${name}=${value}`);
	}
	writeFileSync(settingsFile, text);
}

function newestBackup() {
	const files = readdirSync(backups).filter((f) => /^branchdesk-.*Z\.db$/.test(f));
	return files.sort().at(-1)!;
}

/** One README line, as this user in this checkout, with this test's folders for the server's. */
function runReadmeLine(line: string) {
	const command = line
		.replace(/^sudo -u branchdesk /, '')
		.replace(/\/tmp\/branchdesk\.(db|sql)\b/g, (_, ext) => join(folder, `branchdesk.${ext}`))
		.replaceAll('/var/lib/branchdesk', state)
		.replace(/branchdesk-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.db/, () => newestBackup());
	const env = { ...startEnvironment('file:unused'), BRANCHDESK_ENV: settingsFile };
	const result = spawnSync('sh', ['-c', command], { env, encoding: 'utf8', timeout: 120_000 });
	expect(result.status, `${line}\n${result.stdout}${result.stderr}`).toBe(0);
	return result.stdout;
}

/** A unit's command as systemd would run it here: its settings, its folder, ${NAME} filled in. */
function unitCommand(
	file: string,
	settings: Record<string, string>,
	which: 'execStart' | 'execStartPost' = 'execStart'
) {
	const unit = readUnit(file);
	expect(unit.environmentFile).toBe('/etc/branchdesk/branchdesk.env');
	const env: Record<string, string> = { PATH: process.env.PATH!, ...settings, ...unit.environment };
	const line = unit[which][0].replaceAll('/opt/branchdesk', checkout);
	const [program, ...args] = commandWords(line, env);
	const cwd = unit.workingDirectory!.replace('/opt/branchdesk', checkout);
	return { program, args, cwd, env };
}

describe('README "Run it for your branch"', () => {
	it('runs every command that can run here, as written, in order', () => {
		mkdirSync(state, { recursive: true });
		// The edits step 3 asks for: this machine's port, and a mail server that is never reached.
		writeSettings({ PORT: String(port), SMTP_URL: 'smtp://127.0.0.1:9' });
		const outputs: [string, string][] = [];
		for (const line of readmeDeploymentCommands()) {
			if (NOT_RUN_HERE.some(([pattern]) => pattern.test(line))) continue;
			expect(
				RUN_HERE.some((pattern) => pattern.test(line)),
				`neither run nor listed: ${line}`
			).toBe(true);
			const output = runReadmeLine(line);
			if (line.startsWith('openssl rand')) writeSettings({ GRANT_DATA_KEY: output.trim() });
			outputs.push([line, output]);
		}
		const said = (pattern: RegExp) =>
			outputs.filter(([line]) => pattern.test(line)).map(([, out]) => out);
		expect(said(/npm run db:migrate/)).toEqual([
			expect.stringMatching(/Database ready \([1-9]\d* migration\(s\) applied\)/),
			expect.stringContaining('Database ready (0 migration(s) applied).')
		]);
		expect(said(/create-admin/)[0]).toContain('Created an admin account for Your Name');
		expect(said(/npm run backup/)).toHaveLength(2);
		expect(said(/npm run restore/)[0]).toMatch(/^Restored /m);
		expect(said(/journal_mode=wal/)[0]).toContain('wal');
		expect(readFileSync(join(folder, 'branchdesk.sql'), 'utf8')).toMatch(
			/CREATE TABLE `database_kind`/
		);
	}, 300_000);

	it("serves, sends and backs up with the systemd units' own commands", async () => {
		const settings = readEnvironmentFile(readFileSync(settingsFile, 'utf8'));
		const { client, db } = openDatabase({ url: settings.DATABASE_URL, busyTimeoutMs: 5000 });
		expect(await readDatabaseKind(db)).toMatchObject({ kind: 'real', markedBy: 'create-admin' });
		client.close();
		const web = unitCommand('deploy/branchdesk.service', settings);
		expect(web.env.WORKERS).toBe('off');
		const server = spawn(web.program, web.args, { cwd: web.cwd, env: web.env });
		let printed = '';
		server.stdout!.on('data', (chunk) => (printed += chunk));
		server.stderr!.on('data', (chunk) => (printed += chunk));
		const serverExit = new Promise((resolve) => server.once('exit', resolve));
		await waitUntil(
			async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.ok === true,
			90_000
		).catch(() => {
			throw new Error(`the web unit did not serve:\n${printed}`);
		});
		expect(printed).toContain('Branchdesk is running at https://desk.yourbranch.org.uk');
		expect(printed).not.toContain('WARNING');

		const worker = unitCommand('deploy/branchdesk-worker.service', settings);
		const jobs = spawn(worker.program, worker.args, {
			cwd: worker.cwd,
			env: worker.env,
			stdio: 'ignore'
		});
		const workerExit = new Promise((resolve) => jobs.once('exit', resolve));
		const health = async () =>
			(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as {
				jobs: Record<string, unknown>;
			};
		await waitUntil(async () => JSON.stringify((await health()).jobs).includes('email'), 60_000);
		jobs.kill('SIGTERM');
		server.kill('SIGTERM');
		expect(await workerExit).toBe(0);
		expect(await serverExit).toBe(0);

		const old = join(backups, 'branchdesk-2020-01-01T02-30-00Z.db');
		writeFileSync(old, 'an old copy');
		const longAgo = new Date(Date.now() - 40 * 86_400_000);
		utimesSync(old, longAgo, longAgo);
		const before = readdirSync(backups).length;
		for (const step of ['execStart', 'execStartPost'] as const) {
			const backup = unitCommand('deploy/branchdesk-backup.service', settings, step);
			const ran = spawnSync(backup.program, backup.args, {
				cwd: backup.cwd,
				env: backup.env,
				encoding: 'utf8'
			});
			expect(ran.status, `${ran.stdout}${ran.stderr}`).toBe(0);
		}
		expect(existsSync(old)).toBe(false);
		expect(readdirSync(backups)).toHaveLength(before);
	}, 240_000);
});

const systemdAnalyze = '/usr/bin/systemd-analyze';
const verifyTitle = 'the systemd units pass systemd-analyze verify';
describe('deploy/', () => {
	it.skipIf(!existsSync(systemdAnalyze))(
		existsSync(systemdAnalyze)
			? verifyTitle
			: `${verifyTitle} (skipped: systemd-analyze is not installed here)`,
		() => {
			const units = join(folder, 'units');
			mkdirSync(units, { recursive: true });
			const names = readdirSync('deploy').filter((f) => /\.(service|timer)$/.test(f));
			expect(names.sort()).toEqual([
				'branchdesk-backup.service',
				'branchdesk-backup.timer',
				'branchdesk-worker.service',
				'branchdesk.service'
			]);
			// Installed in this checkout instead of /opt/branchdesk, so the programs they name exist.
			for (const name of names) {
				const text = readFileSync(join('deploy', name), 'utf8').replaceAll(
					'/opt/branchdesk',
					checkout
				);
				writeFileSync(join(units, name), text);
			}
			const verify = spawnSync(
				systemdAnalyze,
				['verify', '--man=no', ...names.map((n) => join(units, n))],
				{ encoding: 'utf8' }
			);
			expect(`${verify.stdout}${verify.stderr}`).toBe('');
			expect(verify.status).toBe(0);
		}
	);

	const hasCaddy = !spawnSync('caddy', ['version']).error;
	const caddyTitle = 'the Caddy example passes caddy validate';
	it.skipIf(!hasCaddy)(
		hasCaddy ? caddyTitle : `${caddyTitle} (skipped: caddy is not installed here)`,
		() => {
			const check = spawnSync(
				'caddy',
				['validate', '--config', 'deploy/Caddyfile', '--adapter', 'caddyfile'],
				{ encoding: 'utf8' }
			);
			expect(check.status, check.stderr).toBe(0);
		}
	);
});
