// Email delivery under faults, with real worker processes (started with the command of
// `npm run worker`) on one database file and the fake Resend API: nothing lost, nothing sent
// twice. The fake counts a key asked for again after it was accepted as a replay, so a sender
// that sends twice is caught even though Resend itself would not deliver the second copy.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { migrateDatabase } from '../../src/lib/server/db/migrate.ts';
import { queueEmail } from '../../src/lib/server/email/outbox.ts';
import { FakeResend } from '../fakes/fake-resend.ts';
import { startWorkerProcess, waitUntil, workerCommand } from '../load/workers.ts';

// Enough messages for every fault to come up many times; the provider's limit below is scaled
// up with them (Resend's is 2 requests/s), so the run takes seconds and proves the same things.
const MESSAGES = 100;
const PROVIDER_LIMIT_PER_SECOND = 20;

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

function expectEveryMessageAcceptedOnce() {
	expect(fake.accepted.size).toBe(MESSAGES);
	expect([...fake.accepted.values()].every((n) => n === 1)).toBe(true);
}

/** What the fake answered each request for a key, and when: the story of a replay. */
function historyOf(keys: string[]) {
	return fake.requests
		.filter((r) => keys.includes(r.idempotencyKey ?? ''))
		.map((r) => `${r.idempotencyKey} ${r.answeredWith} at ${r.at}`)
		.join('\n');
}

function expectEveryMessageSentOnce() {
	expectEveryMessageAcceptedOnce();
	const replayed = fake.replays().map(([key]) => key);
	expect(replayed, historyOf(replayed)).toEqual([]);
	expect(fake.duplicates()).toEqual([]);
}

it('starts workers with the command the README gives, npm run worker', () => {
	expect(workerCommand()).toEqual(['scripts/worker.ts']);
});

describe('the email worker under faults', () => {
	// At 20 requests/s with 30% failing, 100 messages need about 143 accepted requests: at
	// least 7 s, the only slow test; more on a busy machine.
	it('sends everything exactly once while the provider fails 30% of calls and limits the rate', async () => {
		fake.failRandomly(0.3);
		fake.limitRate(PROVIDER_LIMIT_PER_SECOND);
		// The worker is set faster than the provider allows, so the provider must push back. The
		// lease and send timeout are production's (60 s, 15 s), which a slow answer never reaches.
		// Retries wait at most 1 s: a message refused many times would otherwise wait minutes
		// after the rest had gone, and the run would measure backoff instead of the provider.
		startWorker({
			EMAIL_RATE_PER_SECOND: String(2 * PROVIDER_LIMIT_PER_SECOND),
			EMAIL_LEASE_MS: '60000',
			EMAIL_RETRY_MAX_MS: '1000'
		});
		await waitUntil(async () => (await sentCount()) === MESSAGES, 60_000);
		expectEveryMessageSentOnce();

		const { requests } = fake;
		const failures = requests.filter((r) => r.answeredWith === 500).length;
		const limited = requests.filter((r) => r.answeredWith === 429);
		expect(failures).toBeGreaterThan(MESSAGES / 10);
		// Pushed back several times over: each refusal below is a retry-after the worker must honour.
		expect(limited.length).toBeGreaterThan(3);
		// Honoured: after each 429 the worker asked nothing until the retry-after had passed.
		for (const refusal of limited) {
			const next = requests.find((r) => r.at > refusal.at);
			if (next) expect(next.at - refusal.at).toBeGreaterThanOrEqual(refusal.retryAfterMs! - 15);
		}
		const admitted = requests.filter((r) => r.answeredWith !== 429);
		const seconds = (admitted.at(-1)!.at - admitted[0].at) / 1000;
		const perSecond = (admitted.length - 1) / seconds;
		console.log(
			`${MESSAGES} messages, ${requests.length} requests (${failures} × 500, ${limited.length} × 429) ` +
				`in ${seconds.toFixed(1)} s: ${perSecond.toFixed(2)} requests/s against a limit of ${PROVIDER_LIMIT_PER_SECOND}`
		);
		// Never more than the limit in any one second: each admitted request is at least a
		// second after the one `limit` places before it.
		const crowded = admitted.filter(
			(r, i) =>
				i >= PROVIDER_LIMIT_PER_SECOND && r.at - admitted[i - PROVIDER_LIMIT_PER_SECOND].at < 1000
		);
		expect(crowded).toEqual([]);
	}, 90_000);

	it('loses nothing when a worker is killed mid-drain and another takes over', async () => {
		const first = startWorker({ EMAIL_RATE_PER_SECOND: '60' });
		await waitUntil(() => fake.accepted.size >= 40, 20_000);
		first.kill('SIGKILL');
		const sentBeforeCrash = fake.accepted.size;
		expect(sentBeforeCrash).toBeLessThan(MESSAGES);
		startWorker();
		await waitUntil(async () => (await sentCount()) === MESSAGES, 30_000);
		expectEveryMessageAcceptedOnce();
		// Only what the killed worker had in hand (one claim: 3 s × 60/s ÷ 10 = 18 messages) may
		// be asked for again, under the same key.
		expect(fake.replays().length).toBeLessThanOrEqual(18);
	}, 60_000);

	it('lets two workers share one database without sending any message twice', async () => {
		startWorker();
		startWorker();
		await waitUntil(async () => (await sentCount()) === MESSAGES, 30_000);
		expectEveryMessageSentOnce();
		expect(fake.requests).toHaveLength(MESSAGES);
	}, 60_000);
});
