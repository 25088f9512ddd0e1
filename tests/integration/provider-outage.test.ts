// The email provider down, then back. A production server (`node build`) with its background
// jobs keeps taking bookings meanwhile: first the provider answers 503, then it cuts every
// connection. /healthz reports the backlog and its age all along, and once the provider is back
// every message queued meanwhile is delivered exactly once, within the retry cap of its return.
// The outage lasts seconds, not the minutes of a real one: the worker's retry delays are scaled
// down with it (EMAIL_RETRY_BASE_MS, EMAIL_RETRY_MAX_MS), so each message is still refused many
// times over and waits at the cap when the provider returns, as it would after a long outage.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { FakeResend } from '../fakes/fake-resend.ts';
import { fireBookingBurst, prepareBookingBurst } from '../load/booking-burst.ts';
import { startServers, testPorts } from '../load/servers.ts';
import { compareDeliveries, countUnsent, readQueuedKeys, waitUntil } from '../load/workers.ts';

/** How long each half of the outage lasts once its bookings have been answered. */
const PHASE_MS = 3_000;
const RETRY_MAX_MS = 1_000;
const FIRST_CROWD = 30;
const SECOND_CROWD = 20;

const fake = await new FakeResend().start();
let stopServer = () => {};

const folder = mkdtempSync(join(tmpdir(), 'branchdesk-outage-'));
const url = `file:${join(folder, 'outage.db')}`;

afterAll(async () => {
	stopServer();
	await fake.stop();
	rmSync(folder, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Health = { status: string; outbox: { backlog: number; oldestPendingSeconds: number | null } };

it('delivers everything queued during an outage once, promptly after it ends', async () => {
	const server = await startServers(testPorts(2, 1), url, {
		WORKERS: 'on',
		EMAIL_TRANSPORT: 'resend',
		RESEND_API_KEY: 're_test',
		RESEND_BASE_URL: fake.url,
		EMAIL_RATE_PER_SECOND: '50',
		EMAIL_POLL_MS: '100',
		EMAIL_RETRY_BASE_MS: '100',
		EMAIL_RETRY_MAX_MS: String(RETRY_MAX_MS)
	});
	stopServer = server.stop;
	const [origin] = server.origins;
	const health = async () => (await (await fetch(`${origin}/healthz`)).json()) as Health;
	const firstCrowd = await prepareBookingBurst(url, { members: FIRST_CROWD, capacity: 10 });
	const secondCrowd = await prepareBookingBurst(url, { members: SECOND_CROWD, capacity: 5 });

	fake.setDown(true);
	const downAt = Date.now();
	const first = await fireBookingBurst([origin], firstCrowd);
	expect(Object.fromEntries(first.statuses)).toEqual({ 303: FIRST_CROWD });

	await sleep(PHASE_MS);
	const whileAnswering503 = await health();
	expect(whileAnswering503.status).toBe('ok');
	expect(whileAnswering503.outbox.backlog).toBe(FIRST_CROWD);
	expect(whileAnswering503.outbox.oldestPendingSeconds).toBeGreaterThanOrEqual(PHASE_MS / 1000);
	// The worker kept trying: the provider saw every message more than once and turned all away.
	expect(fake.requests.length).toBeGreaterThan(2 * FIRST_CROWD);
	expect(fake.accepted.size).toBe(0);

	fake.setDown(false);
	fake.setUnreachable(true);
	const unreachableAt = Date.now();
	const second = await fireBookingBurst([origin], secondCrowd);
	expect(Object.fromEntries(second.statuses)).toEqual({ 303: SECOND_CROWD });
	await sleep(PHASE_MS);
	const askedAt = Date.now();
	const whileUnreachable = await health();
	expect(whileUnreachable.outbox.backlog).toBe(FIRST_CROWD + SECOND_CROWD);
	expect(whileUnreachable.outbox.oldestPendingSeconds).toBeGreaterThanOrEqual(
		Math.floor((askedAt - unreachableAt + PHASE_MS) / 1000)
	);
	expect(fake.accepted.size).toBe(0);

	fake.setUnreachable(false);
	const backAt = Date.now();
	await waitUntil(async () => (await countUnsent(url)) === 0, 3 * RETRY_MAX_MS);
	const catchUpSeconds = (Date.now() - backAt) / 1000;
	console.log(
		`outage of ${((backAt - downAt) / 1000).toFixed(1)} s; outbox caught up ${catchUpSeconds.toFixed(1)} s after the provider came back`
	);

	const delivered = compareDeliveries(await readQueuedKeys(url, downAt), fake);
	expect(delivered).toMatchObject({
		queued: FIRST_CROWD + SECOND_CROWD,
		delivered: FIRST_CROWD + SECOND_CROWD,
		missing: [],
		duplicates: []
	});
	expect(delivered.unexpected).toEqual([]);
	const afterwards = await health();
	expect(afterwards.outbox).toMatchObject({ backlog: 0, oldestPendingSeconds: null });
}, 90_000);
