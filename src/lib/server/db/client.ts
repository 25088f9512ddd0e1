// Opens the one libSQL client: an embedded SQLite file by default, a libSQL server or Turso by URL.
import { createClient, type Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema/index.ts';

export type Database = ReturnType<typeof openDatabase>['db'];

function ensureFolderFor(url: string) {
	if (!url.startsWith('file:') || url.includes(':memory:')) return;
	const path = url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length);
	mkdirSync(dirname(path), { recursive: true });
}

export function openDatabase(options: { url: string; authToken?: string; busyTimeoutMs: number }) {
	ensureFolderFor(options.url);
	const client: Client = createClient({
		url: options.url,
		authToken: options.authToken,
		// Busy timeout for embedded files: a PRAGMA would be lost when the client reconnects.
		timeout: options.busyTimeoutMs,
		// Embedded statements run synchronously, so a second connection to the same file adds
		// no parallelism, only lock contention with itself and settings it would not share.
		concurrency: 1
	});
	if (client.protocol === 'file') {
		// In WAL mode NORMAL still survives a crashed or killed process; only a power cut can lose
		// the last commits, and it saves an fsync on every commit. Statements run in call order,
		// so this is set before anything else uses the connection.
		void client.execute('PRAGMA synchronous = NORMAL');
	}
	const db = drizzle(client, { schema });
	return { client, db };
}
