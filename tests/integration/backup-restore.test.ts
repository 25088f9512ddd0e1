// npm run backup and npm run restore, as an operator runs them: a copy taken while the app
// runs, the database deleted, the copy restored with every row intact; a backup taken while
// another process writes is consistent; a restore refuses while a worker has the database open.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { migrateDatabase } from '../../src/lib/server/db/migrate.ts';
import * as table from '../../src/lib/server/db/schema/index.ts';
import { seedDemoData } from '../../src/lib/server/demo/seed-demo.ts';

let folder: string;
let url: string;
let databaseFile: string;
const backups = () => join(folder, 'backups');

beforeEach(() => {
	folder = mkdtempSync(join(tmpdir(), 'branchdesk-backup-'));
	databaseFile = join(folder, 'branchdesk.db');
	url = `file:${databaseFile}`;
});

afterEach(() => {
	rmSync(folder, { recursive: true, force: true });
});

function run(script: string, ...args: string[]) {
	const result = spawnSync(process.execPath, [script, ...args], {
		env: { ...process.env, DATABASE_URL: url, BACKUP_DIR: backups() },
		encoding: 'utf8'
	});
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Opens the database for one look, and closes it again so a restore finds it free. */
async function withDatabase<T>(look: (opened: ReturnType<typeof openDatabase>) => Promise<T>) {
	const opened = openDatabase({ url, busyTimeoutMs: 10_000 });
	try {
		return await look(opened);
	} finally {
		opened.client.close();
	}
}

async function rowCounts() {
	return withDatabase(async ({ client }) => {
		const tables = await client.execute(
			"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name"
		);
		const counts: Record<string, number> = {};
		for (const { name } of tables.rows) {
			const result = await client.execute(`select count(*) as n from "${String(name)}"`);
			counts[String(name)] = Number(result.rows[0].n);
		}
		return counts;
	});
}

async function seedBranch() {
	return withDatabase(async ({ client, db }) => {
		await migrateDatabase(client);
		await seedDemoData(db);
		const [round] = await db.select().from(table.grantRounds).limit(1);
		const [member] = await db.select().from(table.users).limit(1);
		const [application] = await db
			.insert(table.grantApplications)
			.values({
				reference: 'WFG-BACKUP',
				roundId: round.id,
				userId: member.id,
				status: 'approved',
				awardPence: 10_000
			})
			.returning();
		const evidence = Buffer.from('%PDF-1.7\nA gas bill, as the member uploaded it.\n%%EOF');
		await db.insert(table.grantEvidence).values({
			applicationId: application.id,
			filename: 'gas-bill.pdf',
			contentType: 'application/pdf',
			size: evidence.length,
			data: evidence
		});
		const [booking] = await db.select().from(table.bookings).limit(1);
		return { booking, evidence };
	});
}

describe('backup and restore', { timeout: 60_000 }, () => {
	it('brings every row back after the database is deleted', async () => {
		const { booking, evidence } = await seedBranch();
		const before = await rowCounts();
		expect(before.bookings).toBeGreaterThan(0);

		const backup = run('scripts/backup.ts');
		expect(backup.output).toMatch(/Backed up .* \(.*integrity ok/);
		expect(backup.status).toBe(0);
		const [file] = readdirSync(backups());
		expect(file).toMatch(/^branchdesk-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.db$/);

		for (const suffix of ['', '-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true });
		const restore = run('scripts/restore.ts', join(backups(), file));
		expect(restore.output).toMatch(/^Restored /);
		expect(restore.status).toBe(0);

		expect(await rowCounts()).toEqual(before);
		await withDatabase(async ({ client }) => {
			const found = await client.execute({
				sql: 'select status, user_id, event_id from bookings where uid = ?',
				args: [booking.uid]
			});
			expect(found.rows.map((row) => ({ ...row }))).toEqual([
				{ status: booking.status, user_id: booking.userId, event_id: booking.eventId }
			]);
			const grant = await client.execute(
				"select a.status, a.award_pence, e.data from grant_applications a join grant_evidence e on e.application_id = a.id where a.reference = 'WFG-BACKUP'"
			);
			expect(grant.rows[0].status).toBe('approved');
			expect(Number(grant.rows[0].award_pence)).toBe(10_000);
			expect(Buffer.from(grant.rows[0].data as ArrayBuffer)).toEqual(evidence);
		});
	});

	it('copies a consistent snapshot while another process keeps writing', async () => {
		await seedBranch();
		const writer = spawn(process.execPath, ['tests/integration/support/steady-writer.ts', url], {
			stdio: 'ignore'
		});
		try {
			const writes = () =>
				withDatabase(async ({ client }) => {
					const result = await client.execute(
						"select count(*) as n from outbox where idempotency_key like 'writer/%'"
					);
					return Number(result.rows[0].n);
				});
			await expect.poll(writes, { timeout: 20_000 }).toBeGreaterThan(400);
			const beforeBackup = await writes();
			const backup = run('scripts/backup.ts');
			expect(backup.status).toBe(0);
			const afterBackup = await writes();
			// The writer carried on for the whole time the backup ran.
			expect(afterBackup).toBeGreaterThan(beforeBackup);

			const [file] = readdirSync(backups());
			const copy = openDatabase({ url: `file:${join(backups(), file)}`, busyTimeoutMs: 1000 });
			try {
				const integrity = await copy.client.execute('PRAGMA integrity_check');
				expect(integrity.rows.map((row) => row[0])).toEqual(['ok']);
				const halves = await copy.client.execute(
					"select substr(idempotency_key, -1) as half, count(*) as n from outbox where idempotency_key like 'writer/%' group by half order by half"
				);
				const [a, b] = halves.rows.map((row) => Number(row.n));
				expect(a).toBe(b);
				expect(a * 2).toBeGreaterThanOrEqual(beforeBackup);
				expect(a * 2).toBeLessThanOrEqual(afterBackup);
			} finally {
				copy.client.close();
			}
		} finally {
			writer.kill('SIGKILL');
		}
	});

	it('refuses to restore while a worker has the database open, and restores once it has stopped', async () => {
		// Seeded from another process: a libSQL connection closed in this one holds the file
		// open until its statements are garbage-collected, and would look like a running server.
		expect(run('scripts/seed.ts').status).toBe(0);
		expect(run('scripts/backup.ts').status).toBe(0);
		const [file] = readdirSync(backups());
		const worker = spawn(process.execPath, ['scripts/worker.ts'], {
			env: { ...process.env, DATABASE_URL: url, ALLOW_DEV_MAIL: 'true', LOG_LEVEL: 'info' },
			stdio: ['ignore', 'pipe', 'ignore']
		});
		const stopped = new Promise((resolve) => worker.once('exit', resolve));
		try {
			await new Promise<void>((resolve) =>
				worker.stdout.on('data', (chunk) => String(chunk).includes('"msg":"job"') && resolve())
			);
			const refused = run('scripts/restore.ts', join(backups(), file));
			expect(refused.status).toBe(1);
			expect(refused.output).toMatch(/open in another process/);
		} finally {
			// Killed, not stopped: the restore must also cope with the WAL a crash leaves behind.
			worker.kill('SIGKILL');
			await stopped;
		}
		const restored = run('scripts/restore.ts', join(backups(), file));
		expect(restored.output).toMatch(/kept as .*before-restore-/);
		expect(restored.status).toBe(0);
		for (const leftover of ['-wal', '-shm']) {
			expect(existsSync(`${databaseFile}${leftover}`)).toBe(false);
		}
		// The worker's heartbeats came after the backup, so the restored copy has none.
		expect((await rowCounts()).job_runs).toBe(0);
	});

	it('refuses a file that is not a Branchdesk backup, and a libSQL server address', async () => {
		await seedBranch();
		const notABackup = run('scripts/restore.ts', 'package.json');
		expect(notABackup.status).toBe(1);
		expect(notABackup.output).toMatch(/not a sound Branchdesk backup/);
		const remote = spawnSync(process.execPath, ['scripts/backup.ts'], {
			env: { ...process.env, DATABASE_URL: 'libsql://branch.example.turso.io' },
			encoding: 'utf8'
		});
		expect(remote.status).toBe(1);
		expect(remote.stderr).toMatch(/backed up by the server itself/);
	});
});
