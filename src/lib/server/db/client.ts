// Opens the one libSQL client: an embedded SQLite file by default, a libSQL server or Turso by URL.
import { createClient, type Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDatabaseBusy } from './busy.ts';
import * as schema from './schema/index.ts';

export type Database = ReturnType<typeof openDatabase>['db'];

/** The file behind an embedded database's URL; null for a libSQL server or an in-memory one. */
export function databaseFilePath(url: string) {
	if (!url.startsWith('file:') || url.includes(':memory:')) return null;
	return url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length);
}

function ensureFolderFor(url: string) {
	const path = databaseFilePath(url);
	if (path) mkdirSync(dirname(path), { recursive: true });
}

/**
 * Settings that belong to a connection, not to the file. In WAL mode NORMAL still survives a
 * crashed or killed process; only a power cut can lose the last commits, and it saves an fsync on
 * every commit. Statements run in call order, so this is set before anything else uses it.
 */
function configureConnection(execute: Client['execute']) {
	void execute('PRAGMA synchronous = NORMAL');
}

/**
 * On an embedded file, @libsql/client 0.18 (libsql 0.5) leaves a statement that failed with
 * SQLITE_BUSY in progress on its connection until the garbage collector finalises it, and
 * meanwhile that connection's later writes never commit (tursodatabase/libsql-client-ts#352).
 * Reopening the client's connection after a busy failure drops the broken one.
 */
function reopenAfterBusy(client: Client) {
	const execute = client.execute.bind(client);
	for (const method of ['execute', 'batch', 'executeMultiple', 'transaction'] as const) {
		const original = client[method].bind(client) as (...args: unknown[]) => Promise<unknown>;
		(client as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
			try {
				return await original(...args);
			} catch (error) {
				if (isDatabaseBusy(error)) {
					await client.reconnect();
					configureConnection(execute);
				}
				throw error;
			}
		};
	}
}

export function openDatabase(options: { url: string; authToken?: string; busyTimeoutMs: number }) {
	ensureFolderFor(options.url);
	const client: Client = createClient({
		url: options.url,
		authToken: options.authToken,
		// Busy timeout for embedded files: a PRAGMA would be lost when the client reconnects.
		timeout: options.busyTimeoutMs,
		// Embedded statements run synchronously, so a second connection to the same file adds
		// no parallelism, only lock contention with itself and settings it would not share. A
		// libSQL server keeps the client's default of several requests in flight.
		concurrency: options.url.startsWith('file:') ? 1 : undefined
	});
	if (client.protocol === 'file') {
		reopenAfterBusy(client);
		configureConnection(client.execute.bind(client));
	}
	const db = drizzle(client, { schema });
	return { client, db };
}
