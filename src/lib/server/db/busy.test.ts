import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { isConnectionReopened, isDatabaseBusy } from './busy.ts';
import { openDatabase } from './client.ts';
import { client } from './index.ts';

// A second process's connection that gives up on a held lock after 50 ms.
const impatient = openDatabase({ url: process.env.DATABASE_URL!, busyTimeoutMs: 50 });

async function whileLocked(write: () => Promise<unknown>) {
	const lock = await client.transaction('write');
	try {
		await write();
		return null;
	} catch (error) {
		return error;
	} finally {
		await lock.rollback();
	}
}

describe('a write that waited past the busy timeout', () => {
	afterEach(async () => {
		await client.execute('drop table if exists busy_probe');
	});

	it('is recognised however it reached us: a Drizzle query, a batch or a write transaction', async () => {
		await client.execute('create table busy_probe (n integer)');
		const { db } = impatient;
		const failures = [
			await whileLocked(() => db.run(sql`insert into busy_probe values (1)`)),
			await whileLocked(() =>
				db.batch([db.run(sql`insert into busy_probe values (2)`), db.run(sql`select 1`)])
			),
			await whileLocked(() => impatient.client.transaction('write'))
		];
		for (const failure of failures) {
			expect(failure).not.toBeNull();
			expect(isDatabaseBusy(failure)).toBe(true);
		}
		// Nothing from the refused writes was kept.
		const rows = await client.execute('select count(*) as n from busy_probe');
		expect(Number(rows.rows[0].n)).toBe(0);
	});

	it('leaves the refused connection able to commit once the lock is free', async () => {
		await client.execute('create table busy_probe (n integer)');
		const { db } = impatient;
		expect(
			isDatabaseBusy(
				await whileLocked(() => db.batch([db.run(sql`insert into busy_probe values (1)`)]))
			)
		).toBe(true);
		await db.run(sql`insert into busy_probe values (2)`);
		await db.batch([db.run(sql`insert into busy_probe values (3)`)]);
		// Seen from another connection, so both writes really committed.
		const rows = await client.execute('select n from busy_probe order by n');
		expect(rows.rows.map((row) => Number(row.n))).toEqual([2, 3]);
	});

	it('is told apart from other database failures and ordinary errors', async () => {
		await client.execute('create table busy_probe (n integer primary key)');
		await client.execute('insert into busy_probe values (1)');
		const duplicate = await impatient.db
			.run(sql`insert into busy_probe values (1)`)
			.catch((error: unknown) => error);
		expect(duplicate).toBeInstanceOf(Error);
		expect(isDatabaseBusy(duplicate)).toBe(false);
		expect(isDatabaseBusy(new Error('database is locked'))).toBe(false);
		expect(isDatabaseBusy(null)).toBe(false);
		expect(isDatabaseBusy({ code: 'SQLITE_LOCKED_SHAREDCACHE' })).toBe(true);
		expect(isDatabaseBusy({ rawCode: 517 })).toBe(true); // SQLITE_BUSY_SNAPSHOT
	});

	it('tells statements cut off by the reopening apart from ones that ran', async () => {
		// Two statements waiting for the one connection when it is reopened: neither runs.
		const waiting = [
			impatient.client.execute('select 1').catch((error: unknown) => error),
			impatient.client.execute('select 2').catch((error: unknown) => error)
		];
		await impatient.client.reconnect();
		for (const cutOff of await Promise.all(waiting)) {
			expect(isConnectionReopened(cutOff)).toBe(true);
			expect(isDatabaseBusy(cutOff)).toBe(false);
		}
		expect(isConnectionReopened(new Error('The client is closed'))).toBe(false);
		expect((await impatient.client.execute('select 3 as n')).rows[0].n).toBe(3);
	});
});
