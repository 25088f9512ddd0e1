// Email worker processes (`npm run worker`) sending to the fake Resend API, and the check that
// the provider received each queued message exactly once. Used by the fault tests and the bench.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import type { FakeResend } from '../fakes/fake-resend.ts';

/**
 * The command `npm run worker` runs, read from package.json, so the tests start workers exactly
 * as the README tells an operator to. It is started without npm in between so that a SIGKILL
 * reaches the worker itself, as a crash would.
 */
export function workerCommand() {
	const packageJson = JSON.parse(readFileSync('package.json', 'utf8'));
	const command: unknown = packageJson.scripts?.worker;
	if (typeof command !== 'string' || !command.startsWith('node ')) {
		throw new Error('package.json has no "worker" script of the form "node …"');
	}
	return command.split(/\s+/).slice(1);
}

export function startWorkerProcess(
	databaseUrl: string,
	fake: FakeResend,
	settings: Record<string, string> = {}
): ChildProcess {
	return spawn(process.execPath, workerCommand(), {
		env: {
			...process.env,
			DATABASE_URL: databaseUrl,
			EMAIL_TRANSPORT: 'resend',
			RESEND_API_KEY: 're_test',
			RESEND_BASE_URL: fake.url,
			EMAIL_RATE_PER_SECOND: '100',
			EMAIL_RETRY_BASE_MS: '50',
			EMAIL_POLL_MS: '50',
			EMAIL_LEASE_MS: '3000',
			...settings
		},
		stdio: 'ignore'
	});
}

export async function waitUntil(condition: () => Promise<boolean> | boolean, timeoutMs: number) {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`still waiting after ${timeoutMs} ms`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

async function readColumn(databaseUrl: string, sql: string, args: number[] = []) {
	const { client } = openDatabase({ url: databaseUrl, busyTimeoutMs: 10_000 });
	try {
		return (await client.execute({ sql, args })).rows.map((row) => row[0]);
	} finally {
		client.close();
	}
}

/** Messages not yet handed over for good: waiting, or in a sender's hands. */
export async function countUnsent(databaseUrl: string) {
	const [n] = await readColumn(
		databaseUrl,
		"select count(*) from outbox where status in ('pending', 'sending')"
	);
	return Number(n);
}

/**
 * The idempotency keys of every message still to be delivered, and of every message queued
 * since `createdSince` (a worker's own jobs queue reminders while it drains).
 */
export async function readQueuedKeys(databaseUrl: string, createdSince = Date.now()) {
	const keys = await readColumn(
		databaseUrl,
		"select idempotency_key from outbox where status in ('pending', 'sending') or created_at >= ?",
		[createdSince]
	);
	return keys.map(String);
}

/** Which of the queued messages the provider accepted once, more than once, or never. */
export function compareDeliveries(queued: string[], fake: FakeResend) {
	const expected = new Set(queued);
	return {
		queued: expected.size,
		delivered: [...expected].filter((key) => fake.accepted.get(key) === 1).length,
		missing: [...expected].filter((key) => !fake.accepted.has(key)),
		duplicates: fake.duplicates().map(([key]) => key),
		unexpected: [...fake.accepted.keys()].filter((key) => !expected.has(key))
	};
}
