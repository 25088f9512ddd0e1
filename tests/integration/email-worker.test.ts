// Email delivery under faults, with real worker processes (npm run worker) on one database
// file and the fake Resend API: nothing lost, nothing sent twice.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { migrateDatabase } from '../../src/lib/server/db/migrate.ts';
import { queueEmail } from '../../src/lib/server/email/outbox.ts';
import { FakeResend } from '../fakes/fake-resend.ts';
import { startWorkerProcess, waitUntil } from '../load/workers.ts';

const MESSAGES = 200;

let fake: FakeResend;
let database: ReturnType<typeof openDatabase>;
let url: string;
const workers: ChildProcess[] = [];

beforeEach(async () => {
	fake = await new FakeResend().start();
	url = `file:${join(mkdtempSync(join(tmpdir(), 'branchdesk-worker-')), 'outbox.db')}`;
	database = openDatabase({ url, busyTimeoutMs: 10_000 });
	await migrateDatabase(database.client);
	const { db } = database;
	for (let i = 0; i < MESSAGES; i += 50) {
		const chunk = Array.from({ length: 50 }, (_, j) =>
			queueEmail(db, {
				idempotencyKey: `test/${i + j}`,
				to: { email: `member${i + j}@example.org` },
				template: 'test',
				subject: `Message ${i + j}`,
				text: 'Hello',
				html: '<p>Hello</p>'
			})
		);
		await db.batch(chunk as [(typeof chunk)[0], ...typeof chunk]);
	}
});

afterEach(async () => {
	for (const worker of workers.splice(0)) worker.kill('SIGKILL');
	database.client.close();
	await fake.stop();
});

function startWorker(settings: Record<string, string> = {}) {
	const worker = startWorkerProcess(url, fake, settings);
	workers.push(worker);
	return worker;
}

async function sentCount() {
	const result = await database.client.execute(
		"select count(*) as n from outbox where status = 'sent'"
	);
	return Number(result.rows[0].n);
}

function expectEveryMessageDeliveredOnce() {
	expect(fake.accepted.size).toBe(MESSAGES);
	expect(fake.duplicates()).toEqual([]);
}

describe('the email worker under faults', () => {
	it('delivers everything exactly once while the provider fails 30% of calls and rate-limits', async () => {
		fake.failRandomly(0.3);
		fake.limitRate(40);
		startWorker({ EMAIL_RATE_PER_SECOND: '35' });
		await waitUntil(async () => (await sentCount()) === MESSAGES, 45_000);
		expectEveryMessageDeliveredOnce();
		const failures = fake.requests.filter((r) => r.answeredWith !== 200).length;
		expect(failures).toBeGreaterThan(20);
	}, 60_000);

	it('loses nothing when a worker is killed mid-drain and another takes over', async () => {
		const first = startWorker({ EMAIL_RATE_PER_SECOND: '60' });
		await waitUntil(() => fake.accepted.size >= 40, 20_000);
		first.kill('SIGKILL');
		const sentBeforeCrash = fake.accepted.size;
		expect(sentBeforeCrash).toBeLessThan(MESSAGES);
		startWorker();
		await waitUntil(async () => (await sentCount()) === MESSAGES, 30_000);
		expectEveryMessageDeliveredOnce();
	}, 60_000);

	it('lets two workers share one database without sending any message twice', async () => {
		startWorker();
		startWorker();
		await waitUntil(async () => (await sentCount()) === MESSAGES, 30_000);
		expectEveryMessageDeliveredOnce();
		expect(fake.replays()).toEqual([]);
		expect(fake.requests).toHaveLength(MESSAGES);
	}, 60_000);
});
