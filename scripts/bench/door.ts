// Door mode's figures: the roster of a 500-booking event downloaded again and again (p99 and
// gzipped size), and 500 check-ins queued offline sent in one go. Run by npm run bench against
// its server, or alone on a fresh database: npm run bench:door.
import { gzipSync } from 'node:zlib';
import { digestSecret, generateSecret } from '../../src/lib/server/auth/secrets.ts';
import { newBookingUid } from '../../src/lib/server/bookings/booking-uid.ts';
import { openDatabase } from '../../src/lib/server/db/client.ts';

export type DoorFigures = {
	bookings: number;
	rosterP50Ms: number;
	rosterP99Ms: number;
	rosterBytes: number;
	rosterGzippedBytes: number;
	syncCheckIns: number;
	syncMs: number;
	recorded: number;
};

const BOOKINGS = 500;

type DoorEvent = { eventId: number; sessionId: number; uids: string[]; cookie: string };

/** A 500-booking event on now, its organiser, and a signed-in session for them. */
async function seedDoorEvent(databaseUrl: string): Promise<DoorEvent> {
	const { client } = openDatabase({ url: databaseUrl, busyTimeoutMs: 10_000 });
	const now = Date.now();
	const tag = generateSecret(6);
	try {
		const organiser = await client.execute({
			sql: `insert into users (email, name, roles, email_verified_at, totp_secret, totp_enrolled_at, created_at)
				values (?, 'Door Bench Organiser', '["organiser"]', ?, 'JBSWY3DPEHPK3PXP', ?, ?) returning id`,
			args: [`door-bench-${tag}@bench.example`, now, now, now]
		});
		const organiserId = Number(organiser.rows[0].id);
		const event = await client.execute({
			sql: `insert into events (slug, title, category, summary, description, capacity, status, starts_at, ends_at, created_at, updated_at)
				values (?, 'Door bench rally', 'day-of-action', 'Bench', 'Bench', 600, 'published', ?, ?, ?, ?) returning id`,
			args: [`door-bench-${tag}`, now - 3_600_000, now + 3_600_000, now, now]
		});
		const eventId = Number(event.rows[0].id);
		const session = await client.execute({
			sql: 'insert into event_sessions (event_id, starts_at, ends_at) values (?, ?, ?) returning id',
			args: [eventId, now - 3_600_000, now + 3_600_000]
		});
		await client.execute({
			sql: 'insert into event_organisers (event_id, user_id, added_at) values (?, ?, ?)',
			args: [eventId, organiserId, now]
		});
		const uids: string[] = [];
		const statements = [];
		for (let i = 0; i < BOOKINGS; i++) {
			const uid = newBookingUid();
			uids.push(uid);
			statements.push({
				sql: `insert into users (email, name, membership_number, created_at) values (?, ?, ?, ?)`,
				args: [`door-${tag}-${i}@bench.example`, `Door Member ${i} Surname`, `D${tag}${i}`, now]
			});
			statements.push({
				sql: `insert into bookings (uid, event_id, user_id, status, guests, answers, created_at, status_changed_at)
					values (?, ?, last_insert_rowid(), 'confirmed', ?, '{}', ?, ?)`,
				args: [uid, eventId, i % 5 === 0 ? 1 : 0, now, now]
			});
		}
		await client.batch(statements, 'write');
		const id = generateSecret(20);
		const secret = generateSecret(32);
		await client.execute({
			sql: `insert into sessions (id, secret_hash, user_id, created_at, last_used_at, two_factor_verified_at) values (?, ?, ?, ?, ?, ?)`,
			args: [id, digestSecret(secret), organiserId, now, now, now]
		});
		return {
			eventId,
			sessionId: Number(session.rows[0].id),
			uids,
			cookie: `session=${id}.${secret}`
		};
	} finally {
		client.close();
	}
}

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function sendQueuedCheckIns(rosterUrl: string, origin: string, door: DoorEvent) {
	const at = Date.now() - 60_000;
	const checkIns = door.uids.map((uid, i) => ({
		clientId: `bench-${i}-${generateSecret(12)}`,
		bookingUid: uid,
		sessionId: door.sessionId,
		checkedInAt: at + i * 50,
		deviceId: 'Door BENCH'
	}));
	const started = performance.now();
	const sent = await fetch(rosterUrl, {
		method: 'POST',
		headers: { cookie: door.cookie, 'content-type': 'application/json', origin },
		body: JSON.stringify({ checkIns, walkIns: [] }),
		redirect: 'manual'
	});
	if (sent.status !== 200) throw new Error(`sending check-ins answered ${sent.status}`);
	const answer = (await sent.json()) as { results: { outcome: string }[] };
	return {
		syncCheckIns: checkIns.length,
		syncMs: Math.round(performance.now() - started),
		recorded: answer.results.filter((r) => r.outcome === 'recorded').length
	};
}

/** Ten phones opening the page at once, a number of times: each download's time, sorted. */
async function timeRosterDownloads(
	rosterUrl: string,
	headers: Record<string, string>,
	rounds: number
) {
	const times: number[] = [];
	for (let round = 0; round < rounds; round++) {
		await Promise.all(
			Array.from({ length: 10 }, async () => {
				const started = performance.now();
				const response = await fetch(rosterUrl, { headers });
				await response.arrayBuffer();
				times.push(performance.now() - started);
			})
		);
	}
	return times.sort((a, b) => a - b);
}

/**
 * The check-ins are sent first, so the roster measured is the heavier one of an event under
 * way: every booking carries its check-in.
 */
export async function measureDoor(origin: string, databaseUrl: string): Promise<DoorFigures> {
	const door = await seedDoorEvent(databaseUrl);
	const rosterUrl = `${origin}/organiser/events/${door.eventId}/door/roster`;
	const sync = await sendQueuedCheckIns(rosterUrl, origin, door);
	const headers = { cookie: door.cookie, 'accept-encoding': 'gzip' };
	const first = await fetch(rosterUrl, { headers, redirect: 'manual' });
	if (first.status !== 200) throw new Error(`roster answered ${first.status}`);
	const body = await first.text();
	// A warm-up round first, as for the pages, so the figures are not the JIT's first attempts.
	await timeRosterDownloads(rosterUrl, headers, 1);
	const times = await timeRosterDownloads(rosterUrl, headers, 20);
	return {
		bookings: BOOKINGS,
		rosterP50Ms: Math.round(percentile(times, 50)),
		rosterP99Ms: Math.round(percentile(times, 99)),
		rosterBytes: Buffer.byteLength(body),
		rosterGzippedBytes: gzipSync(body).length,
		...sync
	};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { mkdtempSync, rmSync } = await import('node:fs');
	const { availableParallelism, loadavg, tmpdir } = await import('node:os');
	const { join } = await import('node:path');
	const { runToEnd, startProductionServer } = await import('./processes.ts');
	const folder = mkdtempSync(join(tmpdir(), 'branchdesk-door-bench-'));
	const env = {
		...process.env,
		WORKERS: 'off',
		NODE_ENV: 'production',
		ALLOW_DEV_MAIL: 'true',
		ALLOW_DEV_GRANT_KEY: 'true',
		DATABASE_URL: `file:${join(folder, 'bench.db')}`
	};
	await runToEnd(['scripts/migrate.ts'], env);
	const server = await startProductionServer(Number(process.env.BENCH_PORT_BASE ?? 4311), env);
	try {
		const loadBefore = loadavg()[0];
		const figures = await measureDoor(server.origin, env.DATABASE_URL);
		const load = `${loadBefore.toFixed(2)} → ${loadavg()[0].toFixed(2)}`;
		console.log(JSON.stringify({ ...figures, loadAverage: load, cores: availableParallelism() }));
	} finally {
		server.child.kill();
		rmSync(folder, { recursive: true, force: true });
	}
}
