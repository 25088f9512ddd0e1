// BENCHMARKS.md from the bench's figures: every table, then the goals and whether each is met.
import { benchGoals } from './report-goals.ts';
import { kb, ratio, table, type BenchFigures } from './report-figures.ts';
import type { ScaleFigures } from './scaling.ts';

export type { BenchFigures } from './report-figures.ts';

function scalingTable(scales: ScaleFigures[]) {
	const head = ['request', ...scales.flatMap((s) => [`p50 ${s.scale}×`, `p99 ${s.scale}×`])];
	const rows = scales[0].timings.map((timing, i) => [
		timing.name,
		...scales.flatMap((s) => [`${s.timings[i].p50Ms} ms`, `${s.timings[i].p99Ms} ms`])
	]);
	return table(head, ['---', ...head.slice(1).map(() => '---:')], rows);
}

export function renderReport(f: BenchFigures, date = new Date()) {
	return [
		introSection(f, date),
		catalogueSection(f),
		doorSection(f),
		welfareQueueSection(f),
		scalingSection(f),
		memorySection(f),
		pageWeightSection(f),
		signInSection(f),
		bookingBurstSection(f),
		ballotDrawSection(f),
		outboxDrainSection(f),
		goalsSection(f)
	].join('\n');
}

function introSection(f: BenchFigures, date: Date) {
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
`;
}

function catalogueSection(f: BenchFigures) {
	return `## Catalogue pages

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
`;
}

function doorSection(f: BenchFigures) {
	return `## Door mode

One event with ${f.door.bookings} confirmed bookings. Its roster (names, membership numbers, guests,
status, check-ins and ticket digests) is ${kb(f.door.rosterBytes)} as JSON and
${kb(f.door.rosterGzippedBytes)} gzipped as served; ten phones fetching it at once, twenty times:
p50 ${f.door.rosterP50Ms} ms, p99 ${f.door.rosterP99Ms} ms. ${f.door.syncCheckIns} check-ins queued offline and sent in one
request took ${f.door.syncMs} ms (${f.door.recorded} recorded).`;
}

function welfareQueueSection(f: BenchFigures) {
	return `## Welfare queue at 2,000 applications

A welfare officer's signed-in pages, with 2,000 submitted applications in the demo round (flags
worked out per row in SQL), 2 connections (a few officers at once) for ${f.durationSeconds} s each.

${table(
	['page', 'requests/s', 'p50', 'p99'],
	['---', '---:', '---:', '---:'],
	f.welfareQueue.map((r) => [r.name, r.requestsPerSecond, `${r.p50Ms} ms`, `${r.p99Ms} ms`])
)}
`;
}

function scalingSection(f: BenchFigures) {
	return `## Time per request from 1× to ${Math.max(...f.scales.map((s) => s.scale))}× the volume

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
`;
}

function memorySection(f: BenchFigures) {
	return `## Peak memory

The kernel's high-water mark of resident memory (VmHWM) of each process, sampled until it stopped.

${table(
	['process', 'peak'],
	['---', '---:'],
	f.memory.map(([name, mb]) => [name, `${mb} MB`])
)}
`;
}

function pageWeightSection(f: BenchFigures) {
	return `## JavaScript each public page ships

Every script the server-rendered HTML names and the modules they import, gzipped, from \`build/client\`.

${table(
	['page', 'files', 'gzipped'],
	['---', '---:', '---:'],
	f.weights.map(([page, weight]) => [page, weight.files, kb(weight.gzippedBytes)])
)}
`;
}

function signInSection(f: BenchFigures) {
	return `## Signing in

argon2id (m = 19456 KiB, t = 2, p = 1): hashing takes ${f.passwordWork.hashMs} ms and checking ${f.passwordWork.verifyMs} ms
in this process. 200 sign-ins through the form, 16 at a time: ${f.signIns.perSecond} sign-ins/s, p50
${f.signIns.p50Ms} ms, p99 ${f.signIns.p99Ms} ms, ${f.signIns.failures} failures.
`;
}

function bookingBurstSection(f: BenchFigures) {
	const b = f.burst;
	const w = f.twoWorkers;
	return `## Booking burst

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
`;
}

function ballotDrawSection(f: BenchFigures) {
	return `## Ballot draw

${f.ballotDraw.entries.toLocaleString('en-GB')} members' entries in the ballot for a ${f.ballotDraw.capacity}-place course, written in
${f.ballotDraw.entriesWrittenMs} ms (members, membership list rows and entries, 500 a batch). The draw then checks every
entrant's standing, orders the entries, and in one atomic batch writes ${f.ballotDraw.winners} confirmed places,
${f.ballotDraw.waiting} waiting-list places and ${f.ballotDraw.emailsQueued} emails (invitations for the winners): **${f.ballotDraw.drawMs} ms**.
`;
}

function outboxDrainSection(f: BenchFigures) {
	return `## Outbox drain

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
`;
}

function goalsSection(f: BenchFigures) {
	return `## Goals

${table(
	['goal', 'measured', 'met'],
	['---', '---', '---'],
	benchGoals(f).map(([goal, measured, met]) => [goal, measured, met ? 'yes' : '**no**'])
)}
`;
}
