// BENCHMARKS.md from the bench's figures: every table, then the goals and whether each is met.
import type { BallotDrawFigures } from './ballot-draw.ts';
import type { TwoWorkerDrain } from './burst-drain.ts';
import type { DoorFigures } from './door.ts';
import type { LoadFigures } from './http-load.ts';
import type { DrainFigures } from './outbox-drain.ts';
import type { ScaleFigures } from './scaling.ts';
import type { VolumeFixture } from './volume.ts';

export type BenchFigures = {
	machine: string;
	cores: number;
	/** The machine's one-minute load average when the bench started and when it ended. */
	loadAverage: [number, number];
	connections: number;
	durationSeconds: number;
	scaleSeconds: number;
	volume: VolumeFixture['counts'];
	catalogue: LoadFigures[];
	/** The welfare queue's pages with 2,000 applications in the round, 2 connections. */
	welfareQueue: LoadFigures[];
	memory: [process: string, mb: number][];
	passwordWork: { hashMs: number; verifyMs: number };
	signIns: { perSecond: number; p50Ms: number; p99Ms: number; failures: number };
	door: DoorFigures;
	burst: {
		members: number;
		capacity: number;
		perSecond: number;
		p50Ms: number;
		p99Ms: number;
		errors: number;
		confirmed: number;
		queuedInOrder: boolean;
		emails: number;
	};
	ballotDraw: BallotDrawFigures;
	paced: {
		arrivalsPerSecond: number;
		p50Ms: number;
		p99Ms: number;
		errors: number;
		confirmed: number;
	};
	twoWorkers: TwoWorkerDrain;
	drains: [limit: string, figures: DrainFigures][];
	weights: [page: string, weight: { files: number; gzippedBytes: number }][];
	scales: ScaleFigures[];
};

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ratio = (a: number, b: number) => (a / b).toFixed(2);
const table = (head: string[], align: string[], rows: (string | number)[][]) =>
	[
		`| ${head.join(' | ')} |`,
		`|${align.join('|')}|`,
		...rows.map((r) => `| ${r.join(' | ')} |`)
	].join('\n');

export function benchGoals(f: BenchFigures): [string, string, boolean][] {
	const [, health, events] = f.catalogue;
	const errors = f.catalogue.reduce((n, r) => n + r.errors + r.non2xx, 0);
	const goalPages = f.weights.filter(([page]) => page.startsWith('/events'));
	const w = f.twoWorkers;
	const emailsExpected = f.burst.members;
	return [
		['/events p99 ≤ 50 ms', `${events.p99Ms} ms`, events.p99Ms <= 50],
		[
			'/events ≥ 0.5 × /healthz rate',
			`${ratio(events.requestsPerSecond, health.requestsPerSecond)} ×`,
			events.requestsPerSecond >= 0.5 * health.requestsPerSecond
		],
		...goalPages.map(([page, weight]): [string, string, boolean] => [
			`${page} JavaScript ≤ 35 KB gzipped`,
			`${kb(weight.gzippedBytes)} in ${weight.files} files`,
			weight.gzippedBytes <= 35 * 1024
		]),
		['no errors or non-2xx answers', String(errors), errors === 0],
		...f.welfareQueue.map((r): [string, string, boolean] => [
			`${r.name} at 2,000 applications: p99 ≤ 100 ms, no errors`,
			`p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, ${r.errors + r.non2xx} errors`,
			r.p99Ms <= 100 && r.errors + r.non2xx === 0
		]),
		[
			`door roster of ${f.door.bookings} bookings: p99 ≤ 300 ms, ≤ 100 KB gzipped`,
			`p99 ${f.door.rosterP99Ms} ms, ${kb(f.door.rosterGzippedBytes)}`,
			f.door.rosterP99Ms <= 300 && f.door.rosterGzippedBytes <= 100 * 1024
		],
		[
			`${f.door.syncCheckIns} queued check-ins sent at once: ≤ 2 s, every one recorded`,
			`${f.door.syncMs} ms, ${f.door.recorded} recorded`,
			f.door.syncMs <= 2000 && f.door.recorded === f.door.syncCheckIns
		],
		[
			'booking burst ≥ 400 bookings/s, p99 ≤ 1 s, no errors',
			`${f.burst.perSecond}/s, p99 ${f.burst.p99Ms} ms, ${f.burst.errors} errors`,
			f.burst.perSecond >= 400 && f.burst.p99Ms <= 1000 && f.burst.errors === 0
		],
		[
			`bookings arriving at ${f.paced.arrivalsPerSecond}/s: p99 ≤ 1 s, no errors`,
			`p99 ${f.paced.p99Ms} ms, ${f.paced.errors} errors`,
			f.paced.p99Ms <= 1000 && f.paced.errors === 0
		],
		[
			`booking burst: exactly ${f.burst.capacity} confirmed, the rest queued in order, one email each`,
			`${f.burst.confirmed} confirmed, queue in order: ${f.burst.queuedInOrder ? 'yes' : 'no'}, ${f.burst.emails} emails`,
			f.burst.confirmed === f.burst.capacity &&
				f.burst.queuedInOrder &&
				f.burst.emails === emailsExpected
		],
		[
			`ballot draw over ${f.ballotDraw.entries.toLocaleString('en-GB')} entries for ${f.ballotDraw.capacity} places < 2 s, one email each`,
			`${f.ballotDraw.drawMs} ms, ${f.ballotDraw.emailsQueued} emails`,
			f.ballotDraw.drawMs < 2000 && f.ballotDraw.emailsQueued === f.ballotDraw.entries
		],
		[
			'two workers deliver every queued message exactly once',
			`${w.delivered} of ${w.queued} once, ${w.missing.length} missing, ${w.duplicates.length} twice, ${w.unexpected.length} not queued`,
			w.delivered === w.queued &&
				w.missing.length === 0 &&
				w.duplicates.length === 0 &&
				w.unexpected.length === 0
		],
		[
			'outbox drain at a 2 requests/s limit ≥ 1.9 messages/s, zero duplicates',
			`${f.drains[1][1].perSecond}/s, ${f.drains[1][1].duplicates} duplicates`,
			f.drains[1][1].perSecond >= 1.9 && f.drains[1][1].duplicates === 0
		],
		[
			'no failed requests at any volume',
			String(f.scales.reduce((n, s) => n + s.timings.reduce((m, t) => m + t.failures, 0), 0)),
			f.scales.every((s) => s.timings.every((t) => t.failures === 0))
		]
	];
}

function scalingTable(scales: ScaleFigures[]) {
	const head = ['request', ...scales.flatMap((s) => [`p50 ${s.scale}×`, `p99 ${s.scale}×`])];
	const rows = scales[0].timings.map((timing, i) => [
		timing.name,
		...scales.flatMap((s) => [`${s.timings[i].p50Ms} ms`, `${s.timings[i].p99Ms} ms`])
	]);
	return table(head, ['---', ...head.slice(1).map(() => '---:')], rows);
}

export function renderReport(f: BenchFigures, date = new Date()) {
	const b = f.burst;
	const w = f.twoWorkers;
	return `# Benchmarks

Measured by \`npm run bench\` on ${date.toISOString().slice(0, 10)}: ${f.cores} cores (${f.machine}).
Production build (\`node build\`, \`WORKERS=off\`) on the demo data plus a realistic volume
written straight into the database (${f.volume.events} events, ${f.volume.members} members with
accounts, ${f.volume.bookings} bookings, ${f.volume.outbox} sent emails); autocannon with
${f.connections} connections for ${f.durationSeconds} s per target, run from the bench process on
the same cores as the server, so other work on the machine shows in the figures: the one-minute
load average was ${f.loadAverage[0].toFixed(1)} when the bench started and ${f.loadAverage[1].toFixed(1)} when it ended on ${f.cores} cores; the
bench itself keeps two or three processes busy, so more than that is other work.

"Rendered every request" is a second server started with \`CATALOGUE_CACHE_MS=0\`: it shows the
cost of the page itself (database reads and a server render) without the one-second in-process
cache that the served figures include.

## Catalogue pages

${table(
	['target', 'requests/s', 'p50', 'p99', 'vs bare node:http'],
	['---', '---:', '---:', '---:', '---:'],
	f.catalogue.map((r) => [
		r.name,
		r.requestsPerSecond,
		`${r.p50Ms} ms`,
		`${r.p99Ms} ms`,
		`${ratio(r.requestsPerSecond, f.catalogue[0].requestsPerSecond)} ×`
	])
)}

## Door mode

One event with ${f.door.bookings} confirmed bookings. Its roster (names, membership numbers, guests,
status, check-ins and ticket digests) is ${kb(f.door.rosterBytes)} as JSON and
${kb(f.door.rosterGzippedBytes)} gzipped as served; ten phones fetching it at once, twenty times:
p50 ${f.door.rosterP50Ms} ms, p99 ${f.door.rosterP99Ms} ms. ${f.door.syncCheckIns} check-ins queued offline and sent in one
request took ${f.door.syncMs} ms (${f.door.recorded} recorded).
## Welfare queue at 2,000 applications

A welfare officer's signed-in pages, with 2,000 submitted applications in the demo round (flags
worked out per row in SQL), 2 connections (a few officers at once) for ${f.durationSeconds} s each.

${table(
	['page', 'requests/s', 'p50', 'p99'],
	['---', '---:', '---:', '---:'],
	f.welfareQueue.map((r) => [r.name, r.requestsPerSecond, `${r.p50Ms} ms`, `${r.p99Ms} ms`])
)}

## Time per request from 1× to ${Math.max(...f.scales.map((s) => s.scale))}× the volume

A fresh database and a server rendering every request per scale (1× is
${f.scales[0].counts.events} events, ${f.scales[0].counts.members} members, ${f.scales[0].counts.bookings} bookings), all running at once;
each page is timed on every scale in turn, one connection at a time for ${f.scaleSeconds} s. The measured pages keep their size at every
scale (a page of 30 events, a member with about 60 bookings, an event with 500), so growth is
what the rest of the tables cost the queries.

${table(
	['scale', 'events', 'members', 'bookings', 'emails', 'seeded in'],
	['---:', '---:', '---:', '---:', '---:', '---:'],
	f.scales.map((s) => [
		`${s.scale}×`,
		s.counts.events,
		s.counts.members,
		s.counts.bookings,
		s.counts.outbox,
		`${s.seedSeconds} s`
	])
)}

${scalingTable(f.scales)}

## Peak memory

The kernel's high-water mark of resident memory (VmHWM) of each process, sampled until it stopped.

${table(
	['process', 'peak'],
	['---', '---:'],
	f.memory.map(([name, mb]) => [name, `${mb} MB`])
)}

## JavaScript each public page ships

Every script the server-rendered HTML names and the modules they import, gzipped, from \`build/client\`.

${table(
	['page', 'files', 'gzipped'],
	['---', '---:', '---:'],
	f.weights.map(([page, weight]) => [page, weight.files, kb(weight.gzippedBytes)])
)}

## Signing in

argon2id (m = 19456 KiB, t = 2, p = 1): hashing takes ${f.passwordWork.hashMs} ms and checking ${f.passwordWork.verifyMs} ms
in this process. 200 sign-ins through the form, 16 at a time: ${f.signIns.perSecond} sign-ins/s, p50
${f.signIns.p50Ms} ms, p99 ${f.signIns.p99Ms} ms, ${f.signIns.failures} failures.

## Booking burst

${b.members.toLocaleString('en-GB')} distinct signed-in members post the booking form for one ${b.capacity}-place course at the same
moment, spread across two server processes on one database file.

${table(
	[
		'bookings/s',
		'p50',
		'p99',
		'errors',
		'confirmed',
		`queued 1..${b.members - b.capacity} in order`,
		'emails queued'
	],
	['---:', '---:', '---:', '---:', '---:', '---', '---:'],
	[
		[
			b.perSecond,
			`${b.p50Ms} ms`,
			`${b.p99Ms} ms`,
			b.errors,
			b.confirmed,
			b.queuedInOrder ? 'yes' : 'no',
			b.emails
		]
	]
)}

When every post lands at the same moment, the last answer comes when the whole crowd has been
served, so the burst's p99 is close to its total time (1,000 ÷ bookings/s). The same number of
members arriving at ${f.paced.arrivalsPerSecond} a second, a second course, shows what one member waits while a course
fills at that rate: p50 ${f.paced.p50Ms} ms, p99 ${f.paced.p99Ms} ms, ${f.paced.errors} errors, ${f.paced.confirmed} confirmed.

Then two \`npm run worker\` processes drain that outbox into the fake Resend API together:
${w.queued} messages queued (${w.queuedByJobs} of them reminders that the workers' own jobs queued
meanwhile), ${w.delivered} delivered exactly once (${w.perWorker.join(' and ')} by
each worker), ${w.missing.length} missing, ${w.duplicates.length} delivered twice, in ${w.seconds} s.

## Ballot draw

${f.ballotDraw.entries.toLocaleString('en-GB')} members' entries in the ballot for a ${f.ballotDraw.capacity}-place course, written in
${f.ballotDraw.entriesWrittenMs} ms (members, membership list rows and entries, 500 a batch). The draw then checks every
entrant's standing, orders the entries, and in one atomic batch writes ${f.ballotDraw.winners} confirmed places,
${f.ballotDraw.waiting} waiting-list places and ${f.ballotDraw.emailsQueued} emails (invitations for the winners): **${f.ballotDraw.drawMs} ms**.

## Outbox drain

\`npm run worker\` sending queued messages to the fake Resend API (tests/fakes) over HTTP.

${table(
	['provider limit', 'messages', 'seconds', 'messages/s', 'duplicates', 'answered 429'],
	['---', '---:', '---:', '---:', '---:', '---:'],
	f.drains.map(([limit, d]) => [
		limit,
		d.messages,
		d.seconds,
		d.perSecond,
		d.duplicates,
		d.rateLimited
	])
)}

## Goals

${table(
	['goal', 'measured', 'met'],
	['---', '---', '---'],
	benchGoals(f).map(([goal, measured, met]) => [goal, measured, met ? 'yes' : '**no**'])
)}
`;
}
