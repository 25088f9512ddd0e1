// Backups of an embedded database file. `VACUUM INTO` copies one consistent snapshot while the
// app keeps running (under WAL it is a reader, so bookings carry on), and a restore swaps a
// checked copy in only when no process has the database open. A libSQL server or Turso keeps
// its own backups, so both refuse a remote DATABASE_URL.
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync } from 'node:fs';
import { readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDatabaseBusy } from './busy.ts';
import { databaseFilePath, openDatabase } from './client.ts';

export class BackupError extends Error {}

/** What a restore reports: enough to see at a glance that the right data came back. */
const COUNTED_TABLES = ['users', 'events', 'bookings', 'grant_applications', 'outbox'] as const;

/** "150 users, 13 events, …" for the scripts to print. */
export function describeCounts(counts: Partial<Record<string, number>>) {
	return Object.entries(counts)
		.map(([name, n]) => `${n} ${name.replaceAll('_', ' ')}`)
		.join(', ');
}

function embeddedFileOf(url: string) {
	const path = databaseFilePath(url);
	if (!path) {
		throw new BackupError(
			`DATABASE_URL (${url.split('?')[0]}) is not an embedded file. A libSQL server or Turso database is backed up by the server itself (Turso: point-in-time restore, or turso db shell … .dump).`
		);
	}
	return path;
}

/** 2026-11-22T09-30-00Z: sorts by time, and is a safe file name everywhere. */
const stampOf = (now: Date) => `${now.toISOString().slice(0, 19).replaceAll(':', '-')}Z`;

export function backupFileName(now = new Date()) {
	return `branchdesk-${stampOf(now)}.db`;
}

/** Opens a database file on its own, checks it page by page and counts the main tables. */
export async function inspectDatabaseFile(path: string) {
	const { client } = openDatabase({ url: `file:${path}`, busyTimeoutMs: 5000 });
	try {
		const check = await client
			.execute('PRAGMA integrity_check')
			.catch((error: { code?: string }) => {
				if (error.code === 'SQLITE_NOTADB') return null;
				throw error;
			});
		if (!check) return { integrity: 'not a database', isBranchdesk: false, counts: {} };
		const integrity = check.rows.map((row) => String(row[0])).join('; ');
		const tables = await client.execute("select name from sqlite_master where type = 'table'");
		const present = new Set(tables.rows.map((row) => String(row.name)));
		const counts: Partial<Record<(typeof COUNTED_TABLES)[number], number>> = {};
		for (const name of COUNTED_TABLES) {
			if (!present.has(name)) continue;
			const result = await client.execute(`select count(*) as n from ${name}`);
			counts[name] = Number(result.rows[0].n);
		}
		return { integrity, isBranchdesk: present.has('__drizzle_migrations'), counts };
	} finally {
		client.close();
	}
}

function syncToDisk(path: string) {
	const handle = openSync(path, 'r+');
	try {
		fsyncSync(handle);
	} finally {
		closeSync(handle);
	}
}

export async function backupDatabase(options: {
	url: string;
	folder: string;
	busyTimeoutMs: number;
	now?: Date;
}) {
	const source = embeddedFileOf(options.url);
	if (!existsSync(source)) throw new BackupError(`There is no database at ${source} to back up.`);
	mkdirSync(options.folder, { recursive: true });
	const target = join(options.folder, backupFileName(options.now));
	if (existsSync(target)) throw new BackupError(`${target} already exists.`);
	// Written under another name first, so an interrupted copy never looks like a backup.
	const partial = `${target}.partial`;
	rmSync(partial, { force: true });
	const started = performance.now();
	const { client } = openDatabase({ url: options.url, busyTimeoutMs: options.busyTimeoutMs });
	try {
		await client.execute({ sql: 'VACUUM INTO ?', args: [partial] });
	} finally {
		client.close();
	}
	const copiedMs = performance.now() - started;
	const inspected = await inspectDatabaseFile(partial);
	if (inspected.integrity !== 'ok') {
		throw new BackupError(`The copy failed its integrity check (${inspected.integrity}).`);
	}
	syncToDisk(partial);
	renameSync(partial, target);
	return { file: target, bytes: statSync(target).size, copiedMs, ...inspected };
}

/**
 * Asks for sole use of the file: switching it out of WAL needs every other connection closed,
 * and, when it succeeds, folds the WAL into the file so the copy kept aside is one whole file.
 */
async function assertNobodyHasItOpen(path: string) {
	const { client } = openDatabase({ url: `file:${path}`, busyTimeoutMs: 0 });
	try {
		await client.execute('PRAGMA journal_mode = DELETE');
	} catch (error) {
		if (!isDatabaseBusy(error)) throw error;
		throw new BackupError(
			`${path} is open in another process: stop the server and any npm run worker first (or pass --force if you are sure nothing is running).`
		);
	} finally {
		client.close();
	}
}

export async function restoreDatabase(options: {
	url: string;
	backupFile: string;
	force?: boolean;
	now?: Date;
}) {
	const target = embeddedFileOf(options.url);
	if (!existsSync(options.backupFile)) {
		throw new BackupError(`There is no backup at ${options.backupFile}.`);
	}
	const inspected = await inspectDatabaseFile(options.backupFile);
	if (inspected.integrity !== 'ok' || !inspected.isBranchdesk) {
		throw new BackupError(
			`${options.backupFile} is not a sound Branchdesk backup (integrity: ${inspected.integrity}).`
		);
	}
	const replacing = existsSync(target);
	if (replacing && !options.force) await assertNobodyHasItOpen(target);

	// Staged beside the database, so the swap itself is one rename on one filesystem.
	const staged = `${target}.restoring`;
	copyFileSync(options.backupFile, staged);
	syncToDisk(staged);
	let keptAs: string | null = null;
	if (replacing) {
		keptAs = `${target}.before-restore-${stampOf(options.now ?? new Date())}`;
		renameSync(target, keptAs);
		// Committed pages still in the WAL belong to the old file: they go aside with it.
		if (existsSync(`${target}-wal`)) renameSync(`${target}-wal`, `${keptAs}-wal`);
	}
	// A WAL or shared-memory file left beside the restored copy would be replayed into it.
	for (const leftover of ['-wal', '-shm', '-journal'])
		rmSync(`${target}${leftover}`, { force: true });
	renameSync(staged, target);
	return { file: target, keptAs, counts: inspected.counts };
}

/** The newest finished backup in `folder` (by the time in its name), or null if there is none. */
export function findLatestBackup(folder: string) {
	if (!existsSync(folder)) return null;
	const names = readdirSync(folder)
		.filter((name) => /^branchdesk-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.db$/.test(name))
		.sort();
	const newest = names.at(-1);
	if (!newest) return null;
	const stamp = newest.slice('branchdesk-'.length, -'.db'.length);
	const at = new Date(`${stamp.slice(0, 10)}T${stamp.slice(11, 19).replaceAll('-', ':')}Z`);
	return { file: join(folder, newest), at };
}
