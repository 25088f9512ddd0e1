// Invariant 1 under load: 200 members book a 20-place course at the same moment through two
// production server processes sharing one database file.
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import {
	cancelThroughServers,
	confirmedPlaces,
	fireBookingBurst,
	prepareBookingBurst,
	readBurstOutcome
} from '../load/booking-burst.ts';
import { startServers } from '../load/servers.ts';
import { port } from './support/server.ts';

test('200 members booking 20 places at once through two processes: 20 confirmed, 180 queued in order', async () => {
	test.setTimeout(120_000);
	const folder = `.e2e-data/${port}-burst-${Date.now()}`;
	mkdirSync(folder, { recursive: true });
	const url = `file:${folder}/burst.db`;
	const servers = await startServers([port + 10, port + 11], url);
	try {
		const burst = await prepareBookingBurst(url, { members: 200, capacity: 20 });
		const result = await fireBookingBurst(servers.origins, burst);
		expect(Object.fromEntries(result.statuses)).toEqual({ 303: 200 });

		const outcome = await readBurstOutcome(url, burst.eventId);
		expect(outcome.confirmed).toBe(20);
		expect(outcome.waitlisted).toBe(180);
		expect(outcome.positions).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
		expect(outcome.emails).toBe(200);

		const places = (await confirmedPlaces(url, burst)).slice(0, 5);
		expect(await cancelThroughServers(servers.origins, places)).toEqual(Array(5).fill(303));
		const after = await readBurstOutcome(url, burst.eventId);
		expect(after.confirmed).toBe(15);
		expect(after.offeredPositions).toEqual([1, 2, 3, 4, 5]);
		expect(after.waitlisted).toBe(175);
	} finally {
		servers.stop();
	}
});
