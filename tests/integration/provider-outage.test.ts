// The email provider down for two minutes, then back. A production server (`node build`) with
// its background jobs keeps taking bookings meanwhile: the first minute the provider answers
// 503, the second it cuts every connection. /healthz reports the backlog and its age all
// along, and once the provider is back every message queued meanwhile is delivered exactly
// once, within the retry cap of its return.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { FakeResend } from '../fakes/fake-resend.ts';
import { fireBookingBurst, prepareBookingBurst } from '../load/booking-burst.ts';
import { startServers, testPorts } from '../load/servers.ts';
import { compareDeliveries, countUnsent, readQueuedKeys, waitUntil } from '../load/workers.ts';

const MINUTE = 60_000;
const RETRY_MAX_MS = 10_000;

const fake = await new FakeResend().start();
let stopServer = () => {};

const folder = mkdtempSync(join(tmpdir(), 'branchdesk-outage-'));
const url = `file:${join(folder, 'outage.db')}`;

afterAll(async () => {
	stopServer();
	await fake.stop();
	rmSync(folder, { recursive: true, force: true });
});

const sleepUntil = (at: number) => new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));

type Health = { status: string; outbox: { backlog: number; oldestPendingSeconds: number | null } };

it('delivers everything queued during a two-minute outage once, promptly after it ends', async () => {
	const server = await startServers(testPorts(2, 1), url, {
		WORKERS: 'on',
		EMAIL_TRANSPORT: 'resend',
		RESEND_API_KEY: 're_test',
		RESEND_BASE_URL: fake.url,
		EMAIL_RATE_PER_SECOND: '20',
		EMAIL_POLL_MS: '200',
		EMAIL_RETRY_BASE_MS: '1000',
		EMAIL_RETRY_MAX_MS: String(RETRY_MAX_MS)
	});
	stopServer = server.stop;
	const [origin] = server.origins;
	const health = async () => (await (await fetch(`${origin}/healthz`)).json()) as Health;
	const firstCrowd = await prepareBookingBurst(url, { members: 60, capacity: 20 });
	const secondCrowd = await prepareBookingBurst(url, { members: 40, capacity: 10 });

	fake.setDown(true);
	const downAt = Date.now();
	const first = await fireBookingBurst([origin], firstCrowd);
	expect(Object.fromEntries(first.statuses)).toEqual({ 303: 60 });

	await sleepUntil(downAt + MINUTE);
	const afterOneMinute = await health();
	expect(afterOneMinute.status).toBe('ok');
	expect(afterOneMinute.outbox.backlog).toBe(60);
	expect(afterOneMinute.outbox.oldestPendingSeconds).toBeGreaterThanOrEqual(55);
	// The worker kept trying: the provider saw requests and turned every one away.
	expect(fake.requests.length).toBeGreaterThan(60);
	expect(fake.accepted.size).toBe(0);

	fake.setDown(false);
	fake.setUnreachable(true);
	const second = await fireBookingBurst([origin], secondCrowd);
	expect(Object.fromEntries(second.statuses)).toEqual({ 303: 40 });
	await sleepUntil(downAt + 2 * MINUTE - 5000);
	const nearTheEnd = await health();
	expect(nearTheEnd.outbox.backlog).toBe(100);
	expect(nearTheEnd.outbox.oldestPendingSeconds).toBeGreaterThanOrEqual(110);
	expect(fake.accepted.size).toBe(0);

	await sleepUntil(downAt + 2 * MINUTE);
	fake.setUnreachable(false);
	const backAt = Date.now();
	await waitUntil(async () => (await countUnsent(url)) === 0, 3 * RETRY_MAX_MS);
	const catchUpSeconds = (Date.now() - backAt) / 1000;
	console.log(`outbox caught up ${catchUpSeconds.toFixed(1)} s after the provider came back`);

	const delivered = compareDeliveries(await readQueuedKeys(url, downAt), fake);
	expect(delivered).toMatchObject({ queued: 100, delivered: 100, missing: [], duplicates: [] });
	expect(delivered.unexpected).toEqual([]);
	const afterwards = await health();
	expect(afterwards.outbox).toMatchObject({ backlog: 0, oldestPendingSeconds: null });
}, 200_000);
