// Vitest setup: every test file runs against its own freshly migrated database file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll } from 'vitest';

const folder = mkdtempSync(join(tmpdir(), 'branchdesk-unit-'));
process.env.DATABASE_URL = `file:${join(folder, 'test.db')}`;
process.env.ORIGIN = 'http://localhost:3000';

beforeAll(async () => {
	const { client } = await import('./index.ts');
	const { migrateDatabase } = await import('./migrate.ts');
	await migrateDatabase(client);
});
