// The goals the bench's figures are held to, each with what was measured and whether it is met.
import { kb, ratio, type BenchFigures } from './report-figures.ts';

type Goal = [goal: string, measured: string, met: boolean];

export function benchGoals(f: BenchFigures): Goal[] {
	return [...serviceGoals(f), ...bookingAndMailGoals(f)];
}

/** Pages: speed, weight and errors; the welfare queue and the door. */
function serviceGoals(f: BenchFigures): Goal[] {
	const [, health, events] = f.catalogue;
	const errors = f.catalogue.reduce((n, r) => n + r.errors + r.non2xx, 0);
	const goalPages = f.weights.filter(([page]) => page.startsWith('/events'));
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
		]
	];
}

/** Bookings under load, the ballot draw, the outbox and volume. */
function bookingAndMailGoals(f: BenchFigures): Goal[] {
	const w = f.twoWorkers;
	const emailsExpected = f.burst.members;
	return [
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
