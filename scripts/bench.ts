// npm run bench — builds, serves the production build on a database seeded with the demo data
// and a realistic volume, loads it with autocannon beside a bare node:http baseline, bursts
// bookings through two processes, drains the outbox, measures 1× … 10× the volume, and
// writes the figures to BENCHMARKS.md. `npm run bench -- --only=welfare-queue` runs only the
// welfare queue's step (seed, one server, the queue pages) and prints its figures.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	fireBookingBurst,
	percentile,
	prepareBookingBurst,
	readBurstOutcome
} from '../tests/load/booking-burst.ts';
import { measureBallotDraw } from './bench/ballot-draw.ts';
import { drainWithTwoWorkers } from './bench/burst-drain.ts';
import { measureDoor } from './bench/door.ts';
import { measureLoad, type LoadFigures } from './bench/http-load.ts';
import { measurePasswordWork, measureSignIns } from './bench/logins.ts';
import { measureOutboxDrain } from './bench/outbox-drain.ts';
import { javascriptWeight } from './bench/page-weight.ts';
import { runToEnd, startProductionServer } from './bench/processes.ts';
import { renderReport, type BenchFigures } from './bench/report.ts';
import { DETAIL_PATH, measureScales } from './bench/scaling.ts';
import { seedVolume } from './bench/volume.ts';
import { measureWelfareQueue, prepareWelfareQueue } from './bench/welfare-queue.ts';

const durationSeconds = Number(process.env.BENCH_SECONDS ?? 10);
const scaleSeconds = Number(process.env.BENCH_SCALE_SECONDS ?? 3);
const scales = (process.env.BENCH_SCALES ?? '1,10').split(',').map(Number);
// Every port the bench listens on is counted from here, so two benches can run side by side.
const portBase = Number(process.env.BENCH_PORT_BASE ?? 4301);
const connections = 50;
const burstSize = { members: 1000, capacity: 30 };
const loadAtStart = loadavg()[0];
const folder = mkdtempSync(join(tmpdir(), 'branchdesk-bench-'));
const baseEnv = {
	...process.env,
	WORKERS: 'off',
	NODE_ENV: 'production',
	ALLOW_DEV_MAIL: 'true',
	ALLOW_DEV_GRANT_KEY: 'true'
};
const env = { ...baseEnv, DATABASE_URL: `file:${join(folder, 'bench.db')}` };
await runToEnd(['scripts/seed.ts'], env);
const volume = await seedVolume(env.DATABASE_URL, 1);
console.log(`Volume: ${JSON.stringify(volume.counts)}`);

const served = await startProductionServer(portBase, env);
if (process.argv.includes('--only=welfare-queue')) {
	// The welfare queue's step alone, for working on that page without the whole bench.
	const { cookie } = await prepareWelfareQueue(env.DATABASE_URL);
	const figures = await measureWelfareQueue(served.origin, cookie, {
		connections: 2,
		durationSeconds
	});
	// The same load on /healthz: what the machine itself allows at the moment, for comparison.
	figures.push(
		await measureLoad('/healthz, for comparison', `${served.origin}/healthz`, {
			connections: 2,
			durationSeconds
		})
	);
	for (const r of figures)
		console.log(`${r.name}: ${r.requestsPerSecond} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms`);
	console.log(
		`Load average (1 min): ${loadAtStart.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} now`
	);
	served.child.kill();
	rmSync(folder, { recursive: true, force: true });
	process.exit(0);
}
// A second server that renders every request, to show what the page itself costs.
const rendered = await startProductionServer(portBase + 2, { ...env, CATALOGUE_CACHE_MS: '0' });

const publicPages = ['/', '/events', DETAIL_PATH, '/grants/winter-fuel', '/privacy', '/login'];
const html = new Map<string, string>();
for (const page of publicPages)
	html.set(page, await (await fetch(`${served.origin}${page}`)).text());
const htmlFile = join(folder, 'events.html');
writeFileSync(htmlFile, html.get('/events')!);
const bare = fork('scripts/bench/bare-server.ts', [htmlFile, String(portBase + 1)], {
	stdio: 'ignore'
});
await new Promise((resolve) => bare.once('message', resolve));

const targets = [
	['bare node:http, same /events bytes', `http://localhost:${portBase + 1}/`],
	['/healthz', `${served.origin}/healthz`],
	['/events', `${served.origin}/events`],
	[DETAIL_PATH, `${served.origin}${DETAIL_PATH}`],
	['/events, rendered every request', `${rendered.origin}/events`],
	[`${DETAIL_PATH}, rendered every request`, `${rendered.origin}${DETAIL_PATH}`]
] as const;
const catalogue: LoadFigures[] = [];
for (const [name, url] of targets) {
	// A short warm-up so the figures are not the JIT's first attempts.
	await measureLoad(name, url, { connections, durationSeconds: 1 });
	const figures = await measureLoad(name, url, { connections, durationSeconds });
	catalogue.push(figures);
	console.log(
		`${name}: ${figures.requestsPerSecond} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, errors ${figures.errors}, non-2xx ${figures.non2xx}`
	);
}
console.log('Door mode: a 500-booking roster, and 500 check-ins sent at once…');
const door = await measureDoor(served.origin, env.DATABASE_URL);
console.log(JSON.stringify(door));
console.log('The welfare queue at 2,000 applications…');
const { cookie } = await prepareWelfareQueue(env.DATABASE_URL);
const welfareQueue = await measureWelfareQueue(served.origin, cookie, {
	connections: 2,
	durationSeconds
});
for (const r of welfareQueue)
	console.log(`${r.name}: ${r.requestsPerSecond} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms`);
console.log('Signing in…');
const passwordWork = await measurePasswordWork();
const signIns = await measureSignIns(
	served.origin,
	'amara.okafor@branchdesk.example',
	'Branch-Member-Demo-26'
);
console.log(
	`argon2id hash ${passwordWork.hashMs} ms, verify ${passwordWork.verifyMs} ms; ${signIns.perSecond} sign-ins/s`
);

console.log('Booking burst: 1,000 members, a 30-place course, two server processes…');
const burst = await prepareBookingBurst(env.DATABASE_URL, burstSize);
const burstResult = await fireBookingBurst([served.origin, rendered.origin], burst);
const burstOutcome = await readBurstOutcome(env.DATABASE_URL, burst.eventId);
const waiting = burstSize.members - burstSize.capacity;
const burstFigures = {
	...burstSize,
	perSecond: Number((burstSize.members / burstResult.seconds).toFixed(0)),
	p50Ms: Math.round(percentile(burstResult.latenciesMs, 50)),
	p99Ms: Math.round(percentile(burstResult.latenciesMs, 99)),
	errors: burstSize.members - (burstResult.statuses.get(303) ?? 0),
	confirmed: burstOutcome.confirmed,
	queuedInOrder:
		burstOutcome.waitlisted === waiting && burstOutcome.positions.every((p, i) => p === i + 1),
	emails: burstOutcome.emails
};
console.log(JSON.stringify(burstFigures));

console.log('Ballot draw: 5,000 entries for a 30-place course…');
const ballotDraw = await measureBallotDraw(env);
console.log(JSON.stringify(ballotDraw));

console.log('The same crowd arriving at 400 a second instead of all at one moment…');
const paced = await prepareBookingBurst(env.DATABASE_URL, burstSize);
const pacedResult = await fireBookingBurst([served.origin, rendered.origin], paced, {
	arrivalsPerSecond: 400
});
const pacedOutcome = await readBurstOutcome(env.DATABASE_URL, paced.eventId);
const pacedFigures = {
	arrivalsPerSecond: 400,
	p50Ms: Math.round(percentile(pacedResult.latenciesMs, 50)),
	p99Ms: Math.round(percentile(pacedResult.latenciesMs, 99)),
	errors: burstSize.members - (pacedResult.statuses.get(303) ?? 0),
	confirmed: pacedOutcome.confirmed
};
console.log(JSON.stringify(pacedFigures));
const memory: BenchFigures['memory'] = [
	['web server, with the page cache', served.peakMemoryMb()],
	['web server, rendering every request', rendered.peakMemoryMb()]
];
for (const child of [served.child, rendered.child, bare]) child.kill();

console.log('Two workers drain the burst’s outbox…');
const twoWorkers = await drainWithTwoWorkers(env.DATABASE_URL);
console.log(JSON.stringify({ ...twoWorkers, missing: twoWorkers.missing.length }));
twoWorkers.peakMemoryMb.forEach((mb, i) => memory.push([`npm run worker (${i + 1} of 2)`, mb]));

console.log('Draining the outbox into the fake Resend API…');
const drains: BenchFigures['drains'] = [
	[
		'none',
		await measureOutboxDrain({
			messages: 500,
			providerLimitPerSecond: 0,
			workerRatePerSecond: 1000
		})
	],
	[
		'2 requests/s',
		// 125 messages at 2 a second: over a minute, long enough to call the rate sustained.
		await measureOutboxDrain({ messages: 125, providerLimitPerSecond: 2, workerRatePerSecond: 2 })
	]
];

console.log(`${scales.join('×, ')}× the volume…`);
const scaleFigures = await measureScales(scales, {
	port: portBase + 3,
	env: baseEnv,
	durationSeconds: scaleSeconds
});
for (const figures of scaleFigures) {
	console.log(`${figures.scale}×: ${JSON.stringify(figures.timings)}`);
	memory.push([
		`web server at ${figures.scale}× the volume, rendering every request`,
		figures.peakMemoryMb
	]);
}

const report = renderReport({
	machine: `${cpus()[0]?.model.trim()}, Node ${process.version}`,
	cores: availableParallelism(),
	loadAverage: [loadAtStart, loadavg()[0]],
	connections,
	durationSeconds,
	scaleSeconds,
	volume: volume.counts,
	catalogue,
	welfareQueue,
	memory,
	passwordWork,
	signIns,
	door,
	burst: burstFigures,
	paced: pacedFigures,
	ballotDraw,
	twoWorkers,
	drains,
	weights: publicPages.map((page) => [page, javascriptWeight(html.get(page)!)]),
	scales: scaleFigures
});
writeFileSync('BENCHMARKS.md', report);
rmSync(folder, { recursive: true, force: true });
console.log(`\n${report}`);
