// Time per request at 1×, 10× … the realistic volume: for each scale a fresh database (demo
// seed, then the volume seed) and a production server that renders every request (no page
// cache), loaded one connection at a time, so the figures are the cost of one request.
import { mkdtempSync, rmSync } from 'node:fs';
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

type Prepared = {
	scale: number;
	folder: string;
	seedSeconds: number;
	volume: VolumeFixture;
} & Awaited<ReturnType<typeof startProductionServer>>;

async function prepareScale(scale: number, port: number, baseEnv: NodeJS.ProcessEnv) {
	const folder = mkdtempSync(join(tmpdir(), `branchdesk-scale-${scale}-`));
	const env = { ...baseEnv, DATABASE_URL: `file:${join(folder, 'bench.db')}` };
	const started = performance.now();
	await runToEnd(['scripts/seed.ts'], env);
	const volume = await seedVolume(env.DATABASE_URL, scale);
	const seedSeconds = Number(((performance.now() - started) / 1000).toFixed(1));
	const server = await startProductionServer(port, { ...env, CATALOGUE_CACHE_MS: '0' });
	console.log(`${scale}×: ${JSON.stringify(volume.counts)}, seeded in ${seedSeconds} s`);
	return { scale, folder, seedSeconds, volume, ...server };
}

function pagesOf(volume: VolumeFixture): [string, string, Record<string, string>?][] {
	const cookie = (token: string) => ({ cookie: `session=${token}` });
	return [
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
}

/**
 * Every scale's server runs at once and each page is timed on them back to back, so a busy
 * moment on a shared machine falls on all scales alike rather than on one.
 */
export async function measureScales(
	scales: number[],
	options: { port: number; env: NodeJS.ProcessEnv; durationSeconds: number }
): Promise<ScaleFigures[]> {
	const prepared: Prepared[] = [];
	for (const [i, scale] of scales.entries())
		prepared.push(await prepareScale(scale, options.port + i, options.env));
	const timings = prepared.map((): ScaleTiming[] => []);
	const pages = prepared.map(({ volume }) => pagesOf(volume));
	for (const [p, [name]] of pages[0].entries()) {
		for (const [i, { origin }] of prepared.entries()) {
			const [, path, headers] = pages[i][p];
			const url = `${origin}${path}`;
			await measureLoad(name, url, { connections: 1, durationSeconds: 1, headers });
			const figures = await measureLoad(name, url, {
				connections: 1,
				durationSeconds: options.durationSeconds,
				headers
			});
			timings[i].push({
				name,
				p50Ms: figures.p50Ms,
				p99Ms: figures.p99Ms,
				failures: figures.errors + figures.non2xx
			});
		}
	}
	(await timeBookings(prepared)).forEach((timing, i) => timings[i].push(timing));
	return prepared.map(({ scale, folder, volume, seedSeconds, child, peakMemoryMb }, i) => {
		const peak = peakMemoryMb();
		child.kill();
		// Ten times the volume is most of a gigabyte: nothing is kept once it is measured.
		rmSync(folder, { recursive: true, force: true });
		return { scale, counts: volume.counts, seedSeconds, timings: timings[i], peakMemoryMb: peak };
	});
}

/**
 * Members book the same course one at a time, taking turns between the scales: the whole
 * booking path, one request each.
 */
async function timeBookings(prepared: Prepared[]): Promise<ScaleTiming[]> {
	const latencies = prepared.map((): number[] => []);
	const failures = prepared.map(() => 0);
	const count = Math.min(...prepared.map(({ volume }) => volume.bookerTokens.length));
	for (let k = 0; k < count; k++) {
		for (const [i, { origin, volume }] of prepared.entries()) {
			const sent = performance.now();
			const status = await postForm(
				origin,
				`/events/${volume.bookingTarget.slug}/book`,
				volume.bookerTokens[k],
				{ eventId: String(volume.bookingTarget.eventId), employer: 'Birmingham City Council' }
			);
			latencies[i].push(performance.now() - sent);
			if (status !== 303) failures[i]++;
		}
	}
	return latencies.map((list, i) => {
		list.sort((a, b) => a - b);
		return {
			name: `one booking (${count} in turn)`,
			p50Ms: Math.round(percentile(list, 50)),
			p99Ms: Math.round(percentile(list, 99)),
			failures: failures[i]
		};
	});
}
