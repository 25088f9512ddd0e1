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
