// A server killed outright (SIGKILL) in the middle of a booking burst, then started again:
// every booking that was answered with success exists exactly once, nobody holds two places,
// the course is not overbooked and its queue has no gaps or repeats, and once a worker has
// drained the outbox each booking has had exactly one email.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { FakeResend } from '../fakes/fake-resend.ts';
import { fireBookingBurst, postForm, prepareBookingBurst } from '../load/booking-burst.ts';
import { startServers, testPorts } from '../load/servers.ts';
import { countUnsent, startWorkerProcess, waitUntil } from '../load/workers.ts';

// A crowd large enough that the kill lands with requests still in the victim's hands.
const MEMBERS = 120;
const CAPACITY = 12;
const KILL_AFTER_ANSWERS = 30;
const running: ChildProcess[] = [];
let fake: FakeResend | null = null;

const folder = mkdtempSync(join(tmpdir(), 'branchdesk-crash-'));
const url = `file:${join(folder, 'crash.db')}`;

afterEach(async () => {
	for (const child of running.splice(0)) child.kill('SIGKILL');
	await fake?.stop();
	rmSync(folder, { recursive: true, force: true });
});

async function readBookings(eventId: number) {
	const { client } = openDatabase({ url, busyTimeoutMs: 10_000 });
	const rows = await client.execute({
		sql: `select u.email, b.uid, b.status, b.waitlist_position as position
			from bookings b join users u on u.id = b.user_id where b.event_id = ?`,
		args: [eventId]
	});
	client.close();
	return rows.rows.map((r) => ({
		email: String(r.email),
		uid: String(r.uid),
		status: String(r.status),
		position: r.position === null ? null : Number(r.position)
	}));
}

it('keeps every answered booking, once, when a server is killed mid-burst and restarted', async () => {
	const ports = testPorts(0, 2);
	const servers = await startServers(ports, url);
	running.push(...servers.children);
	const burst = await prepareBookingBurst(url, { members: MEMBERS, capacity: CAPACITY });

	const victim = servers.children[1];
	const result = await fireBookingBurst(servers.origins, burst, {
		onAnswer: (answered) => {
			if (answered === KILL_AFTER_ANSWERS) victim.kill('SIGKILL');
		}
	});
	const answered = (i: number) => result.byMember[i] === 303;
	const unanswered = result.byMember.flatMap((status, i) => (status === 0 ? [i] : []));
	// The kill landed while the second server still held requests, and the first kept serving.
	expect(unanswered.length).toBeGreaterThan(0);
	expect(result.byMember.filter((s) => s !== 0 && s !== 303)).toEqual([]);

	const restarted = await startServers([ports[1]], url);
	running.push(...restarted.children);
	// Those who saw an error press the button again, as a member would.
	const retried = await Promise.all(
		unanswered.map((i) =>
			postForm(restarted.origins[0], `/events/${burst.slug}/book`, burst.tokens[i], {
				eventId: String(burst.eventId),
				employer: 'Birmingham City Council'
			})
		)
	);
	// A new booking, or "you already have one" when the first try was written before the kill.
	expect(retried.filter((s) => s !== 303 && s !== 409)).toEqual([]);
	console.log(
		`${result.statuses.get(303)} answered, ${unanswered.length} cut off by the kill; on retry ` +
			`${retried.filter((s) => s === 303).length} booked, ${retried.filter((s) => s === 409).length} already had the place`
	);

	const bookings = await readBookings(burst.eventId);
	const byMember = new Map<string, typeof bookings>();
	for (const b of bookings) byMember.set(b.email, [...(byMember.get(b.email) ?? []), b]);
	burst.emails.forEach((email, i) => {
		if (answered(i)) expect(byMember.get(email), email).toHaveLength(1);
	});
	expect([...byMember.values()].filter((list) => list.length > 1)).toEqual([]);
	expect(byMember.size).toBe(MEMBERS);
	expect(bookings.filter((b) => b.status === 'confirmed')).toHaveLength(CAPACITY);
	const positions = bookings.flatMap((b) => (b.status === 'waitlisted' ? [b.position] : []));
	expect(positions.sort((a, b) => a! - b!)).toEqual(
		Array.from({ length: MEMBERS - CAPACITY }, (_, i) => i + 1)
	);

	fake = await new FakeResend().start();
	running.push(startWorkerProcess(url, fake, { EMAIL_RATE_PER_SECOND: '300' }));
	await waitUntil(async () => (await countUnsent(url)) === 0, 60_000);
	const emailsPerBooking = bookings.map(
		(b) => [...fake!.accepted.entries()].filter(([key]) => key.includes(b.uid)).length
	);
	expect(emailsPerBooking.filter((n) => n !== 1)).toEqual([]);
	expect(fake.accepted.size).toBe(MEMBERS);
	expect(fake.duplicates()).toEqual([]);
}, 90_000);
