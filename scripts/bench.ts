// npm run bench — builds, serves the production build on a freshly seeded database, loads it
// with autocannon beside a bare node:http baseline, and writes the figures to BENCHMARKS.md.
import { fork } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureLoad, type LoadFigures } from './bench/http-load.ts';
import {
	fireBookingBurst,
	percentile,
	prepareBookingBurst,
	readBurstOutcome
} from '../tests/load/booking-burst.ts';
import { measurePasswordWork, measureSignIns } from './bench/logins.ts';
import { measureOutboxDrain, type DrainFigures } from './bench/outbox-drain.ts';
import { javascriptWeight } from './bench/page-weight.ts';
import { peakMemoryMb, runToEnd, startProductionServer } from './bench/processes.ts';

const durationSeconds = Number(process.env.BENCH_SECONDS ?? 10);
// Every port the bench listens on is counted from here, so two benches can run side by side.
const portBase = Number(process.env.BENCH_PORT_BASE ?? 4301);
const connections = 50;
const folder = mkdtempSync(join(tmpdir(), 'branchdesk-bench-'));
const env = {
	...process.env,
	DATABASE_URL: `file:${join(folder, 'bench.db')}`,
	WORKERS: 'off',
	NODE_ENV: 'production',
	ALLOW_DEV_MAIL: 'true',
	ALLOW_DEV_GRANT_KEY: 'true'
};
await runToEnd(['scripts/seed.ts'], env);

const served = await startProductionServer(portBase, env);
// A second server that renders every request, to show what the page itself costs.
const rendered = await startProductionServer(portBase + 2, { ...env, CATALOGUE_CACHE_MS: '0' });

const detailPath = '/events/introduction-to-being-a-workplace-rep';
const eventsHtml = await (await fetch(`${served.origin}/events`)).text();
const detailHtml = await (await fetch(`${served.origin}${detailPath}`)).text();
const htmlFile = join(folder, 'events.html');
writeFileSync(htmlFile, eventsHtml);
const bare = fork('scripts/bench/bare-server.ts', [htmlFile, String(portBase + 1)], { stdio: 'ignore' });
await new Promise((resolve) => bare.once('message', resolve));

const targets = [
	['bare node:http, same /events bytes', `http://localhost:${portBase + 1}/`],
	['/healthz', `${served.origin}/healthz`],
	['/events', `${served.origin}/events`],
	[detailPath, `${served.origin}${detailPath}`],
	['/events, rendered every request', `${rendered.origin}/events`],
	[`${detailPath}, rendered every request`, `${rendered.origin}${detailPath}`]
] as const;
const results: LoadFigures[] = [];
for (const [name, url] of targets) {
	// A short warm-up so the figures are not the JIT's first attempts.
	await measureLoad(name, url, { connections, durationSeconds: 1 });
	const figures = await measureLoad(name, url, { connections, durationSeconds });
	results.push(figures);
	console.log(
		`${name}: ${figures.requestsPerSecond} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, errors ${figures.errors}, non-2xx ${figures.non2xx}`
	);
}
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
const burst = await prepareBookingBurst(env.DATABASE_URL, { members: 1000, capacity: 30 });
const burstResult = await fireBookingBurst([served.origin, rendered.origin], burst);
const burstOutcome = await readBurstOutcome(env.DATABASE_URL, burst.eventId);
const burstFigures = {
	perSecond: Number((1000 / burstResult.seconds).toFixed(0)),
	p50Ms: Math.round(percentile(burstResult.latenciesMs, 50)),
	p99Ms: Math.round(percentile(burstResult.latenciesMs, 99)),
	errors: 1000 - (burstResult.statuses.get(303) ?? 0),
	confirmed: burstOutcome.confirmed,
	queuedInOrder:
		burstOutcome.waitlisted === 970 && burstOutcome.positions.every((p, i) => p === i + 1),
	emails: burstOutcome.emails
};
console.log(JSON.stringify(burstFigures));

const memory = { served: peakMemoryMb(served.child), rendered: peakMemoryMb(rendered.child) };
for (const child of [served.child, rendered.child, bare]) child.kill();

console.log('Draining the outbox into the fake Resend API…');
const drainUnlimited = await measureOutboxDrain({
	messages: 500,
	providerLimitPerSecond: 0,
	workerRatePerSecond: 1000
});
const drainLimited = await measureOutboxDrain({
	messages: 41,
	providerLimitPerSecond: 2,
	workerRatePerSecond: 2
});

const drains: [string, DrainFigures][] = [
	['none', drainUnlimited],
	['2 requests/s', drainLimited]
];

const [bareFigures, health, events] = results;
const weights = [
	['/events', javascriptWeight(eventsHtml)],
	[detailPath, javascriptWeight(detailHtml)]
] as const;
const ratio = (a: number, b: number) => (a / b).toFixed(2);
const errors = results.reduce((n, r) => n + r.errors + r.non2xx, 0);
const goals: [string, string, boolean][] = [
	['/events p99 ≤ 50 ms', `${events.p99Ms} ms`, events.p99Ms <= 50],
	[
		'/events ≥ 0.5 × /healthz rate',
		`${ratio(events.requestsPerSecond, health.requestsPerSecond)} ×`,
		events.requestsPerSecond >= 0.5 * health.requestsPerSecond
	],
	...weights.map(([page, w]): [string, string, boolean] => [
		`${page} JavaScript ≤ 35 KB gzipped`,
		`${(w.gzippedBytes / 1024).toFixed(1)} KB in ${w.files} files`,
		w.gzippedBytes <= 35 * 1024
	]),
	['no errors or non-2xx answers', String(errors), errors === 0],
	[
		'booking burst ≥ 400 bookings/s, p99 ≤ 1 s, no errors',
		`${burstFigures.perSecond}/s, p99 ${burstFigures.p99Ms} ms, ${burstFigures.errors} errors`,
		burstFigures.perSecond >= 400 && burstFigures.p99Ms <= 1000 && burstFigures.errors === 0
	],
	[
		'booking burst: exactly 30 confirmed, 970 queued 1..970, one email each',
		`${burstFigures.confirmed} confirmed, queue in order: ${burstFigures.queuedInOrder ? 'yes' : 'no'}, ${burstFigures.emails} emails`,
		burstFigures.confirmed === 30 && burstFigures.queuedInOrder && burstFigures.emails === 1000
	],
	[
		'outbox drain at a 2 requests/s limit ≥ 1.9 messages/s, zero duplicates',
		`${drainLimited.perSecond}/s, ${drainLimited.duplicates} duplicates`,
		drainLimited.perSecond >= 1.9 && drainLimited.duplicates === 0
	]
];

const machine = `${availableParallelism()} cores (${cpus()[0]?.model.trim()}), Node ${process.version}`;
const report = `# Benchmarks

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine}.
Production build (\`node build\`, \`WORKERS=off\`) on the seeded demo database; autocannon with
${connections} connections for ${durationSeconds} s per target, run from the bench process on the
same two cores as the server.

"Rendered every request" is a second server started with \`CATALOGUE_CACHE_MS=0\`: it shows the
cost of the page itself (two database reads and a server render) without the one-second
in-process cache that the served figures include.

## Catalogue pages

| target | requests/s | p50 | p99 | vs bare node:http |
|---|---:|---:|---:|---:|
${results
	.map(
		(r) =>
			`| ${r.name} | ${r.requestsPerSecond} | ${r.p50Ms} ms | ${r.p99Ms} ms | ${ratio(r.requestsPerSecond, bareFigures.requestsPerSecond)} × |`
	)
	.join('\n')}

Peak memory of the server process: ${memory.served} MB (with the page cache), ${memory.rendered} MB
(rendering every request).

## Signing in

argon2id (m = 19456 KiB, t = 2, p = 1): hashing takes ${passwordWork.hashMs} ms and checking ${passwordWork.verifyMs} ms
in this process. 200 sign-ins through the form, 16 at a time: ${signIns.perSecond} sign-ins/s, p50
${signIns.p50Ms} ms, p99 ${signIns.p99Ms} ms, ${signIns.failures} failures.

## Booking burst

1,000 distinct signed-in members post the booking form for one 30-place course at the same
moment, spread across two server processes on one database file.

| bookings/s | p50 | p99 | errors | confirmed | queued 1..970 in order | emails queued |
|---:|---:|---:|---:|---:|---|---:|
| ${burstFigures.perSecond} | ${burstFigures.p50Ms} ms | ${burstFigures.p99Ms} ms | ${burstFigures.errors} | ${burstFigures.confirmed} | ${burstFigures.queuedInOrder ? 'yes' : 'no'} | ${burstFigures.emails} |

## Outbox drain

\`npm run worker\` sending queued messages to the fake Resend API (tests/fakes) over HTTP.

| provider limit | messages | seconds | messages/s | duplicates | answered 429 |
|---|---:|---:|---:|---:|---:|
${drains
	.map(
		([limit, d]) =>
			`| ${limit} | ${d.messages} | ${d.seconds} | ${d.perSecond} | ${d.duplicates} | ${d.rateLimited} |`
	)
	.join('\n')}

## Goals

| goal | measured | met |
|---|---|---|
${goals.map(([goal, measured, met]) => `| ${goal} | ${measured} | ${met ? 'yes' : '**no**'} |`).join('\n')}
`;
writeFileSync('BENCHMARKS.md', report);
console.log(`\n${report}`);
