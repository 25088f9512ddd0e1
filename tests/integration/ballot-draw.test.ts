// A ballot under pressure, across two server processes on one database: entries keep arriving
// as the window closes (each is either in the draw or refused, never half of each), and at the
// draw time both processes' background jobs try to draw at once. Exactly one draw happens, with
// one set of emails, and the places given never exceed the capacity.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { commitmentOf, newDrawSeed } from '../../src/lib/server/ballot/draw.ts';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { postForm, prepareBookingBurst } from '../load/booking-burst.ts';
import { startServers, testPorts } from '../load/servers.ts';
import { waitUntil } from '../load/workers.ts';

const MEMBERS = 60;
const CAPACITY = 5;
/** Entries arrive one every SPACING_MS; the window closes about two thirds of the way through. */
const SPACING_MS = 40;

const folder = mkdtempSync(join(tmpdir(), 'branchdesk-ballot-'));
const url = `file:${join(folder, 'ballot.db')}`;
let stop = () => {};

afterAll(() => {
	stop();
	rmSync(folder, { recursive: true, force: true });
});

async function query(sql: string, args: (string | number)[] = []) {
	const { client } = openDatabase({ url, busyTimeoutMs: 10_000 });
	try {
		return (await client.execute({ sql, args })).rows;
	} finally {
		client.close();
	}
}

it('takes entries until the close, then draws once across two processes, within capacity', async () => {
	const servers = await startServers(testPorts(20, 2), url, {
		WORKERS: 'on',
		JOBS_INTERVAL_MS: '150'
	});
	stop = servers.stop;
	const burst = await prepareBookingBurst(url, { members: MEMBERS, capacity: CAPACITY });
	const seed = newDrawSeed();
	const started = Date.now() + 500;
	const closesAt = started + Math.round(MEMBERS * SPACING_MS * 0.75);
	await query("update events set allocation = 'ballot', updated_at = ? where id = ?", [
		Date.now(),
		burst.eventId
	]);
	await query(
		`insert into event_ballots (event_id, entries_open_at, entries_close_at, draw_at, priority, seed, commitment, updated_at)
		values (?, ?, ?, ?, 0, ?, ?, ?)`,
		[
			burst.eventId,
			Date.now() - 60_000,
			closesAt,
			closesAt + 300,
			seed,
			commitmentOf(seed),
			Date.now()
		]
	);

	const answers = await Promise.all(
		burst.tokens.map(async (token, i) => {
			await new Promise((r) => setTimeout(r, Math.max(0, started + i * SPACING_MS - Date.now())));
			const origin = servers.origins[i % servers.origins.length];
			return postForm(origin, `/events/${burst.slug}/ballot/enter`, token, {
				employer: 'Birmingham City Council'
			});
		})
	);
	// Every answer is an entry (redirect to the confirmation) or a refusal after the close.
	expect(answers.filter((s) => s !== 303 && s !== 403)).toEqual([]);
	const entered = answers.filter((s) => s === 303).length;
	expect(entered).toBeGreaterThan(CAPACITY);
	expect(entered).toBeLessThan(MEMBERS);

	await waitUntil(
		async () =>
			(await query('select drawn_at from event_ballots where event_id = ?', [burst.eventId]))[0]
				.drawn_at !== null,
		20_000
	);
	const entries = await query('select status, created_at from ballot_entries where event_id = ?', [
		burst.eventId
	]);
	expect(entries).toHaveLength(entered);
	expect(entries.every((e) => Number(e.created_at) < closesAt)).toBe(true);

	const bookings = await query(
		'select status, waitlist_position as p, guests from bookings where event_id = ? order by p',
		[burst.eventId]
	);
	const confirmed = bookings.filter((b) => b.status === 'confirmed');
	const waiting = bookings.filter((b) => b.status === 'waitlisted');
	expect(confirmed.reduce((sum, b) => sum + 1 + Number(b.guests), 0)).toBe(CAPACITY);
	expect(waiting.map((b) => Number(b.p))).toEqual(
		Array.from({ length: entered - CAPACITY }, (_, i) => i + 1)
	);
	const draws = await query(
		"select count(*) as n from audit_log where action = 'ballot.drawn' and subject_id = ?",
		[burst.slug]
	);
	expect(Number(draws[0].n)).toBe(1);
	const mail = await query(
		`select template, count(*) as n from outbox where template in ('booking-confirmed', 'ballot-waitlisted', 'ballot-entered')
		group by template`
	);
	const sent = Object.fromEntries(mail.map((m) => [String(m.template), Number(m.n)]));
	expect(sent).toEqual({
		'ballot-entered': entered,
		'booking-confirmed': CAPACITY,
		'ballot-waitlisted': entered - CAPACITY
	});
}, 180_000);
