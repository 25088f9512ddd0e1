// The ballot draw at scale: 5,000 members enter a 30-place course's ballot, then the draw runs
// (eligibility of every entrant, the order, 30 bookings with invitations, 4,970 waiting-list
// places and one email each, all in one atomic batch). Run by npm run bench in its own process
// on the bench database, or alone: DATABASE_URL=file:/tmp/x.db node scripts/bench/ballot-draw.ts
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';

export type BallotDrawFigures = {
	entries: number;
	capacity: number;
	entriesWrittenMs: number;
	drawMs: number;
	/** CPU time the draw took in this process (SQLite runs in it too): what load does not inflate. */
	drawCpuMs: number;
	/** The one-minute load average as the draw started. */
	loadAverage: number;
	winners: number;
	waiting: number;
	emailsQueued: number;
};

const ENTRIES = 5_000;
const CAPACITY = 30;
const DAY = 86_400_000;

/** Runs this file in a child process on `env`'s database and returns its figures. */
export function measureBallotDraw(env: NodeJS.ProcessEnv): Promise<BallotDrawFigures> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['scripts/bench/ballot-draw.ts'], {
			env,
			stdio: ['ignore', 'pipe', 'inherit']
		});
		let out = '';
		child.stdout.on('data', (chunk) => (out += chunk));
		child.on('exit', (code) =>
			code === 0
				? resolve(JSON.parse(out.trim().split('\n').at(-1)!))
				: reject(new Error(`ballot draw bench exited ${code}`))
		);
	});
}

type Client = (typeof import('../../src/lib/server/db/index.ts'))['client'];

/** A published 30-place course a month ahead whose ballot closed a moment ago. */
async function createBallotCourse(client: Client, now: number, stamp: string) {
	const { commitmentOf, newDrawSeed } = await import('../../src/lib/server/ballot/draw.ts');
	const start = now + 30 * DAY;
	const event = await client.execute({
		sql: `insert into events (slug, title, category, summary, description, venue_name, capacity, status,
			allocation, starts_at, ends_at, created_at, updated_at) values (?, 'Ballot bench course', 'course',
			'Drawn by ballot.', 'Everyone wants it.', 'Branch office', ?, 'published', 'ballot', ?, ?, ?, ?) returning id`,
		args: [`ballot-bench-${stamp}`, CAPACITY, start, start + 6 * 3_600_000, now, now]
	});
	const eventId = Number(event.rows[0].id);
	await client.execute({
		sql: 'insert into event_sessions (event_id, starts_at, ends_at) values (?, ?, ?)',
		args: [eventId, start, start + 6 * 3_600_000]
	});
	const seed = newDrawSeed();
	await client.execute({
		sql: `insert into event_ballots (event_id, entries_open_at, entries_close_at, draw_at, priority, seed, commitment, updated_at)
			values (?, ?, ?, ?, 0, ?, ?, ?)`,
		args: [eventId, now - DAY, now - 1000, now - 1000, seed, commitmentOf(seed), now]
	});
	return eventId;
}

/** Each entrant: a membership list row in good standing, a verified account and an entry. */
async function writeEntries(client: Client, eventId: number, now: number, stamp: string) {
	const today = new Date(now).toISOString().slice(0, 10);
	const members = Array.from({ length: ENTRIES }, (_, i) => `BB${stamp}-${i}`);
	for (let from = 0; from < ENTRIES; from += 500) {
		const chunk = members.slice(from, from + 500);
		await client.batch(
			chunk.flatMap((number, i) => [
				{
					sql: `insert into members_register (membership_number, surname, postcode, joined_on, subs_paid_to, imported_at)
						values (?, 'Bench', 'B1 1AA', '2020-01-01', ?, ?)`,
					args: [number, today, now]
				},
				{
					sql: `insert into users (email, email_verified_at, name, membership_number, member_verified_at, roles, is_demo, created_at)
						values (?, ?, ?, ?, ?, '[]', 1, ?)`,
					args: [`ballot-${number}@example.org`, now, `Entrant ${from + i}`, number, now, now]
				},
				{
					sql: `insert into ballot_entries (event_id, user_id, entry_number, guests, answers, status, created_at, status_changed_at)
						values (?, (select id from users where membership_number = ?), ?, 0, '{}', 'entered', ?, ?)`,
					args: [eventId, number, from + i + 1, now, now]
				}
			]),
			'write'
		);
	}
}

async function run(): Promise<BallotDrawFigures> {
	const { client } = await import('../../src/lib/server/db/index.ts');
	const { migrateDatabase } = await import('../../src/lib/server/db/migrate.ts');
	const { drawBallot } = await import('../../src/lib/server/ballot/run-draw.ts');
	await migrateDatabase(client);
	const now = Date.now();
	const stamp = String(now);
	const eventId = await createBallotCourse(client, now, stamp);
	const written = performance.now();
	await writeEntries(client, eventId, now, stamp);
	const entriesWrittenMs = Math.round(performance.now() - written);
	const loadAverage = Number(loadavg()[0].toFixed(2));
	const drawing = performance.now();
	const cpu = process.cpuUsage();
	const outcome = await drawBallot(eventId, null, new Date());
	const drawMs = Math.round(performance.now() - drawing);
	const used = process.cpuUsage(cpu);
	const drawCpuMs = Math.round((used.user + used.system) / 1000);
	if (!outcome.ok) throw new Error(outcome.reason);
	const queued = await client.execute({
		sql: `select count(*) as n from outbox where template in ('booking-confirmed', 'ballot-waitlisted')
			and created_at >= ?`,
		args: [now]
	});
	client.close();
	return {
		entries: ENTRIES,
		capacity: CAPACITY,
		entriesWrittenMs,
		drawMs,
		drawCpuMs,
		loadAverage,
		winners: outcome.winners,
		waiting: outcome.waiting,
		emailsQueued: Number(queued.rows[0].n)
	};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	console.log(JSON.stringify(await run()));
}
