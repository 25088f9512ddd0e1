import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.ts';
import { client, db, table } from '../db/index.ts';
import { createGrantRound, emptyDatabase } from '../testing/fixtures.ts';
import { seedWelfareQueue } from '../testing/welfare-queue-seed.ts';
import { readQueueEntries } from './queue-entries-cache.ts';

const now = new Date('2026-12-01T12:00:00Z');
let roundId = 0;
let ids: number[] = [];

const flagsOf = async (id: number) =>
	(await readQueueEntries(roundId)).find((entry) => entry.id === id)?.flags;

beforeAll(async () => {
	await emptyDatabase();
	roundId = (await createGrantRound({}, now)).id;
	// Index 3 has no evidence, index 1 savings over the limit (RULE_BREAKERS).
	ids = await seedWelfareQueue(db, roundId, 20, now, 'cache');
});

describe('the welfare queue’s entries between changes', () => {
	it('are reused while nothing changes, and read again after this process writes', async () => {
		const first = await readQueueEntries(roundId);
		expect(await readQueueEntries(roundId)).toBe(first);
		expect(await flagsOf(ids[3])).toEqual(['no-evidence']);
		await db.insert(table.grantEvidence).values({
			applicationId: ids[3],
			filename: 'bill.pdf',
			contentType: 'application/pdf',
			size: 8,
			data: Buffer.from('%PDF-1.4')
		});
		expect(await flagsOf(ids[3])).toEqual([]);
	});

	it('are read again after another process writes to the database', async () => {
		await readQueueEntries(roundId);
		const other = openDatabase({ url: process.env.DATABASE_URL!, busyTimeoutMs: 5000 });
		try {
			const [application] = await other.db
				.select()
				.from(table.grantApplications)
				.where(eq(table.grantApplications.id, ids[1]));
			await other.db
				.update(table.grantApplications)
				.set({ answers: { ...application.answers, savingsUnderLimit: true } })
				.where(eq(table.grantApplications.id, ids[1]));
		} finally {
			other.client.close();
		}
		expect(await flagsOf(ids[1])).toEqual([]);
	});

	it('are read again on a reopened connection, whose counters start again', async () => {
		const before = await readQueueEntries(roundId);
		await client.reconnect();
		const after = await readQueueEntries(roundId);
		expect(after).not.toBe(before);
		expect(after).toEqual(before);
	});
});
