// How fast `npm run worker` empties the outbox into the fake Resend API, and whether any
// message reached it twice (a second request for an accepted key counts, though Resend would
// answer it without sending).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeResend } from '../../tests/fakes/fake-resend.ts';
import { startWorkerProcess } from '../../tests/load/workers.ts';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { migrateDatabase } from '../../src/lib/server/db/migrate.ts';
import { queueEmail } from '../../src/lib/server/email/outbox.ts';

export type DrainFigures = {
	messages: number;
	seconds: number;
	perSecond: number;
	duplicates: number;
	rateLimited: number;
};

export async function measureOutboxDrain(options: {
	messages: number;
	providerLimitPerSecond: number;
	workerRatePerSecond: number;
}): Promise<DrainFigures> {
	const fake = await new FakeResend().start();
	fake.limitRate(options.providerLimitPerSecond);
	const url = `file:${join(mkdtempSync(join(tmpdir(), 'branchdesk-drain-')), 'drain.db')}`;
	const { db, client } = openDatabase({ url, busyTimeoutMs: 10_000 });
	await migrateDatabase(client);
	for (let i = 0; i < options.messages; i++) {
		await queueEmail(db, {
			idempotencyKey: `bench/${i}`,
			to: { email: `member${i}@example.org` },
			template: 'bench',
			subject: `Message ${i}`,
			text: 'Hello',
			html: '<p>Hello</p>'
		});
	}
	const worker = startWorkerProcess(url, fake, {
		RESEND_API_KEY: 're_bench',
		EMAIL_RATE_PER_SECOND: String(options.workerRatePerSecond),
		EMAIL_POLL_MS: '20',
		EMAIL_RETRY_BASE_MS: '30000',
		EMAIL_LEASE_MS: '60000'
	});
	// The clock starts at the first request the provider sees, not at process start-up.
	while (fake.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
	const started = performance.now();
	while (fake.accepted.size < options.messages) await new Promise((r) => setTimeout(r, 5));
	const seconds = (performance.now() - started) / 1000;
	worker.kill();
	client.close();
	await fake.stop();
	return {
		messages: options.messages,
		seconds: Number(seconds.toFixed(2)),
		// n messages over the gaps between the first and the last: n - 1 intervals.
		perSecond: Number(((options.messages - 1) / seconds).toFixed(2)),
		duplicates: fake.duplicates().length,
		rateLimited: fake.requests.filter((r) => r.answeredWith === 429).length
	};
}
