// Time per request at 1×, 10× … the realistic volume: for each scale a fresh database (demo
// seed, then the volume seed), one production server that renders every request (no page
// cache), and one connection at a time, so the figures are the cost of one request.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, postForm } from '../../tests/load/booking-burst.ts';
import { measureLoad } from './http-load.ts';
import { runToEnd, startProductionServer } from './processes.ts';
import { seedVolume, type VolumeFixture } from './volume.ts';

export type ScaleTiming = { name: string; p50Ms: number; p99Ms: number; failures: number };
export type ScaleFigures = {
	scale: number;
	counts: VolumeFixture['counts'];
	seedSeconds: number;
	timings: ScaleTiming[];
	peakMemoryMb: number;
};

export const DETAIL_PATH = '/events/introduction-to-being-a-workplace-rep';

export async function measureAtScale(
	scale: number,
	options: { port: number; env: NodeJS.ProcessEnv; durationSeconds: number }
): Promise<ScaleFigures> {
	const folder = mkdtempSync(join(tmpdir(), `branchdesk-scale-${scale}-`));
	const env = { ...options.env, DATABASE_URL: `file:${join(folder, 'bench.db')}` };
	const started = performance.now();
	await runToEnd(['scripts/seed.ts'], env);
	const volume = await seedVolume(env.DATABASE_URL, scale);
	const seedSeconds = Number(((performance.now() - started) / 1000).toFixed(1));
	const server = await startProductionServer(options.port, { ...env, CATALOGUE_CACHE_MS: '0' });
	const cookie = (token: string) => ({ cookie: `session=${token}` });
	const pages: [string, string, Record<string, string>?][] = [
		['/events', '/events'],
		['/events?category=course', '/events?category=course'],
		['/events?q=rep (search)', '/events?q=rep'],
		['/events?when=past (archive)', '/events?when=past'],
		['/ (highlights)', '/'],
		['event page', DETAIL_PATH],
		[
			'/account/bookings, a member with ~60 bookings',
			'/account/bookings',
			cookie(volume.busyMemberToken)
		],
		[
			'attendees of a 500-booking event',
			`/organiser/events/${volume.attendeesEventId}/attendees`,
			cookie(volume.organiserToken)
		]
	];
	const timings: ScaleTiming[] = [];
	for (const [name, path, headers] of pages) {
		const url = `${server.origin}${path}`;
		await measureLoad(name, url, { connections: 1, durationSeconds: 1, headers });
		const figures = await measureLoad(name, url, {
			connections: 1,
			durationSeconds: options.durationSeconds,
			headers
		});
		timings.push({
			name,
			p50Ms: figures.p50Ms,
			p99Ms: figures.p99Ms,
			failures: figures.errors + figures.non2xx
		});
	}
	timings.push(await timeBookings(server.origin, volume));
	const peak = server.peakMemoryMb();
	server.child.kill();
	console.log(`${scale}×: ${JSON.stringify({ counts: volume.counts, seedSeconds, timings })}`);
	return { scale, counts: volume.counts, seedSeconds, timings, peakMemoryMb: peak };
}

/** One member at a time books the same course: the whole booking path, one request each. */
async function timeBookings(origin: string, volume: VolumeFixture): Promise<ScaleTiming> {
	const latencies: number[] = [];
	let failures = 0;
	for (const token of volume.bookerTokens) {
		const sent = performance.now();
		const status = await postForm(origin, `/events/${volume.bookingTarget.slug}/book`, token, {
			eventId: String(volume.bookingTarget.eventId),
			employer: 'Birmingham City Council'
		});
		latencies.push(performance.now() - sent);
		if (status !== 303) failures++;
	}
	latencies.sort((a, b) => a - b);
	return {
		name: `one booking (${volume.bookerTokens.length} in turn)`,
		p50Ms: Math.round(percentile(latencies, 50)),
		p99Ms: Math.round(percentile(latencies, 99)),
		failures
	};
}
