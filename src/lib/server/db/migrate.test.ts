// Migrations that rebuild a table (drizzle-kit's create, copy, drop, rename) keep the rows of
// other tables that refer to it: dropping the old table must not cascade.
import { createClient } from '@libsql/client';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { migrateDatabase } from './migrate.ts';

type Journal = { entries: { idx: number; tag: string }[] };

it('keeps grant applications when the grant rounds table is rebuilt', async () => {
	const folder = mkdtempSync(join(tmpdir(), 'branchdesk-migrate-'));
	const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as Journal;
	const rebuild = journal.entries.find((e) => e.tag === '0009_grant_cool_down_six_months')!;
	const before = join(folder, 'before');
	mkdirSync(join(before, 'meta'), { recursive: true });
	const earlier = journal.entries.filter((e) => e.idx < rebuild.idx);
	for (const entry of earlier) cpSync(`drizzle/${entry.tag}.sql`, join(before, `${entry.tag}.sql`));
	writeFileSync(
		join(before, 'meta/_journal.json'),
		JSON.stringify({ ...journal, entries: earlier })
	);

	const client = createClient({ url: `file:${join(folder, 'old.db')}` });
	await migrateDatabase(client, before);
	await client.batch([
		"insert into users (email, name, created_at) values ('a@test.example', 'A', 0)",
		`insert into grant_rounds (name, opens_at, closes_at, budget_pence, standard_award_pence,
			income_threshold_pence, savings_limit_pence, created_at) values ('Round', 0, 1, 1, 1, 1, 1, 0)`,
		`insert into grant_applications (reference, round_id, user_id, created_at, updated_at)
			values ('WFG-AAAAAA', (select id from grant_rounds), (select id from users), 0, 0)`
	]);

	expect(await migrateDatabase(client)).toBeGreaterThanOrEqual(1);
	const kept = await client.execute('select reference from grant_applications');
	expect(kept.rows.map((r) => r.reference)).toEqual(['WFG-AAAAAA']);
	const column = await client.execute(
		"select dflt_value from pragma_table_info('grant_rounds') where name = 'cool_down_months'"
	);
	expect(column.rows[0].dflt_value).toBe('6');
	expect((await client.execute('PRAGMA foreign_keys')).rows[0].foreign_keys).toBe(1);
	client.close();
});

/** A migrations folder holding these migrations, as drizzle-kit lays one out. */
function migrationsFolder(migrations: { tag: string; when: number; sql: string[] }[]) {
	const folder = mkdtempSync(join(tmpdir(), 'branchdesk-migrations-'));
	mkdirSync(join(folder, 'meta'));
	const entries = migrations.map((m, idx) => ({
		idx,
		version: '6',
		when: m.when,
		tag: m.tag,
		breakpoints: true
	}));
	writeFileSync(
		join(folder, 'meta/_journal.json'),
		JSON.stringify({ version: '7', dialect: 'sqlite', entries })
	);
	for (const m of migrations) {
		writeFileSync(join(folder, `${m.tag}.sql`), m.sql.join('--> statement-breakpoint\n'));
	}
	return folder;
}

const parents = {
	tag: '0000_parents',
	when: 1000,
	sql: [
		'CREATE TABLE parents (id integer PRIMARY KEY)',
		'CREATE TABLE children (id integer PRIMARY KEY, parent_id integer NOT NULL REFERENCES parents(id) ON DELETE cascade)',
		'INSERT INTO parents (id) VALUES (1)',
		'INSERT INTO children (id, parent_id) VALUES (10, 1)'
	]
};

function scratchDatabase() {
	const folder = mkdtempSync(join(tmpdir(), 'branchdesk-migrate-'));
	return createClient({ url: `file:${join(folder, 'scratch.db')}` });
}

it('refuses a migration that would leave a broken foreign key, and changes nothing', async () => {
	const client = scratchDatabase();
	await migrateDatabase(client, migrationsFolder([parents]));
	const orphaning = {
		tag: '0001_orphaning',
		when: 2000,
		sql: ['CREATE TABLE notes (id integer PRIMARY KEY)', 'DELETE FROM parents']
	};
	await expect(migrateDatabase(client, migrationsFolder([parents, orphaning]))).rejects.toThrow(
		/foreign_keys_intact/
	);
	expect((await client.execute('select count(*) as n from parents')).rows[0].n).toBe(1);
	const notes = await client.execute("select name from sqlite_master where name = 'notes'");
	expect(notes.rows).toEqual([]);
	expect((await client.execute('PRAGMA foreign_keys')).rows[0].foreign_keys).toBe(1);
	client.close();
});

it('applies a migration recorded before the newest one it has not yet run, once', async () => {
	const client = scratchDatabase();
	const later = { tag: '0002_later', when: 3000, sql: ['CREATE TABLE later (id integer)'] };
	await migrateDatabase(client, migrationsFolder([parents, later]));
	// A migration from another line of work, dated before the newest one already applied.
	const earlier = {
		tag: '0001_earlier',
		when: 2000,
		sql: ['CREATE TABLE earlier (id integer)', 'INSERT INTO earlier (id) VALUES (1)']
	};
	const folder = migrationsFolder([parents, earlier, later]);
	expect(await migrateDatabase(client, folder)).toBe(1);
	expect(await migrateDatabase(client, folder)).toBe(0);
	expect((await client.execute('select count(*) as n from earlier')).rows[0].n).toBe(1);
	client.close();
});
