// npm run bench — builds, serves the production build on a freshly seeded database, loads it
// with autocannon beside a bare node:http baseline, and writes the figures to BENCHMARKS.md.
import { fork } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureLoad, type LoadFigures } from './bench/http-load.ts';
import { measureOutboxDrain, type DrainFigures } from './bench/outbox-drain.ts';
import { javascriptWeight } from './bench/page-weight.ts';
import { peakMemoryMb, runToEnd, startProductionServer } from './bench/processes.ts';

const durationSeconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 50;
const folder = mkdtempSync(join(tmpdir(), 'branchdesk-bench-'));
const env = {
	...process.env,
	DATABASE_URL: `file:${join(folder, 'bench.db')}`,
	WORKERS: 'off',
	NODE_ENV: 'production',
	ALLOW_DEV_MAIL: 'true'
};
await runToEnd(['scripts/seed.ts'], env);

const served = await startProductionServer(4301, env);
// A second server that renders every request, to show what the page itself costs.
const rendered = await startProductionServer(4303, { ...env, CATALOGUE_CACHE_MS: '0' });

const detailPath = '/events/introduction-to-being-a-workplace-rep';
const eventsHtml = await (await fetch(`${served.origin}/events`)).text();
const detailHtml = await (await fetch(`${served.origin}${detailPath}`)).text();
const htmlFile = join(folder, 'events.html');
writeFileSync(htmlFile, eventsHtml);
const bare = fork('scripts/bench/bare-server.ts', [htmlFile, '4302'], { stdio: 'ignore' });
await new Promise((resolve) => bare.once('message', resolve));

const targets = [
	['bare node:http, same /events bytes', 'http://localhost:4302/'],
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
