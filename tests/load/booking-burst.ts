// A crowd booking one course at the same moment: members, their sessions and the course are
// written straight into a database, then every member posts the booking form at once to one
// or more running servers. Used by the end-to-end concurrency test and by npm run bench.
import { digestSecret, generateSecret } from '../../src/lib/server/auth/secrets.ts';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { insertEventWithSessions } from './event-rows.ts';

const DAY = 24 * 3_600_000;

export async function prepareBookingBurst(
	url: string,
	options: { members: number; capacity: number }
) {
	const { client } = openDatabase({ url, busyTimeoutMs: 10_000 });
	const now = Date.now();
	const stamp = `${now}`;
	const today = new Date(now).toISOString().slice(0, 10);
	const slug = `burst-course-${stamp}`;
	const start = now + 14 * DAY;
	const { id: eventId } = await insertEventWithSessions(
		client,
		{
			sql: `insert into events (slug, title, category, summary, description, venue_name, capacity, status,
				starts_at, ends_at, created_at, updated_at) values (?, 'Burst course', 'course', 'Fills in seconds.',
				'A course everyone wants.', 'Branch office', ?, 'published', ?, ?, ?, ?) returning id`,
			args: [slug, options.capacity, start, start + 6 * 3_600_000, now, now]
		},
		[[start, start + 6 * 3_600_000]]
	);
	const tokens: string[] = [];
	const emails: string[] = [];
	const statements = [];
	for (let i = 0; i < options.members; i++) {
		const number = `L${stamp}-${i}`;
		const sessionId = generateSecret(20);
		const secret = generateSecret(32);
		tokens.push(`${sessionId}.${secret}`);
		emails.push(`burst-${stamp}-${i}@example.org`);
		statements.push(
			{
				sql: `insert into members_register (membership_number, surname, postcode, joined_on, subs_paid_to, imported_at)
					values (?, 'Burst', 'B1 1AA', '2020-01-01', ?, ?)`,
				args: [number, today, now]
			},
			{
				sql: `insert into users (email, email_verified_at, name, membership_number, member_verified_at, roles, is_demo, created_at)
					values (?, ?, ?, ?, ?, '[]', 1, ?)`,
				args: [`burst-${stamp}-${i}@example.org`, now, `Burst Member ${i}`, number, now, now]
			},
			{
				sql: `insert into sessions (id, secret_hash, user_id, created_at, last_used_at)
					values (?, ?, (select id from users where membership_number = ?), ?, ?)`,
				args: [sessionId, digestSecret(secret), number, now, now]
			}
		);
	}
	await client.batch(statements, 'write');
	client.close();
	return { eventId, slug, tokens, emails };
}

export type BurstResult = {
	statuses: Map<number, number>;
	/** Each member's answer, in the order of `burst.tokens`; 0 when none came. */
	byMember: number[];
	seconds: number;
	latenciesMs: number[];
};

/**
 * Every member posts the booking form at once, spread across the servers in turn.
 * `onAnswer` hears the running count of answers, to act in the middle of the burst.
 */
export async function fireBookingBurst(
	origins: string[],
	burst: { eventId: number; slug: string; tokens: string[] },
	options: { onAnswer?: (answered: number) => void; arrivalsPerSecond?: number } = {}
): Promise<BurstResult> {
	const started = performance.now();
	const latenciesMs: number[] = [];
	const byMember = await Promise.all(
		burst.tokens.map(async (token, i) => {
			// Without a rate everyone posts at the same moment; with one, member i arrives at i/rate s.
			if (options.arrivalsPerSecond) {
				const due = started + (i * 1000) / options.arrivalsPerSecond;
				await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
			}
			const origin = origins[i % origins.length];
			const sent = performance.now();
			const status = await postForm(origin, `/events/${burst.slug}/book`, token, {
				employer: 'Birmingham City Council'
			});
			latenciesMs.push(performance.now() - sent);
			options.onAnswer?.(latenciesMs.length);
			return status;
		})
	);
	const counts = new Map<number, number>();
	for (const status of byMember) counts.set(status, (counts.get(status) ?? 0) + 1);
	return {
		statuses: counts,
		byMember,
		seconds: (performance.now() - started) / 1000,
		latenciesMs: latenciesMs.sort((a, b) => a - b)
	};
}

/** What the database says after the burst: the figures the invariants are about. */
export async function readBurstOutcome(url: string, eventId: number) {
	const { client } = openDatabase({ url, busyTimeoutMs: 10_000 });
	const statuses = await client.execute({
		sql: 'select status, count(*) as n from bookings where event_id = ? group by status',
		args: [eventId]
	});
	const positions = await client.execute({
		sql: "select waitlist_position as p from bookings where event_id = ? and status = 'waitlisted' order by p",
		args: [eventId]
	});
	const emails = await client.execute({
		sql: `select count(*) as n from outbox o join bookings b on o.idempotency_key in
			('booking-confirmed/' || b.uid || '/seq-0', 'booking-waitlisted/' || b.uid) where b.event_id = ?`,
		args: [eventId]
	});
	const offeredPositions = await client.execute({
		sql: "select waitlist_position as p from bookings where event_id = ? and status = 'offered' order by p",
		args: [eventId]
	});
	client.close();
	const count = (status: string) => Number(statuses.rows.find((r) => r.status === status)?.n ?? 0);
	return {
		confirmed: count('confirmed'),
		waitlisted: count('waitlisted'),
		offered: count('offered'),
		positions: positions.rows.map((r) => Number(r.p)),
		offeredPositions: offeredPositions.rows.map((r) => Number(r.p)),
		emails: Number(emails.rows[0].n)
	};
}

/** The confirmed places, as [session token, booking uid], for cancelling some of them. */
export async function confirmedPlaces(
	url: string,
	burst: { eventId: number; tokens: string[]; emails: string[] }
) {
	const { client } = openDatabase({ url, busyTimeoutMs: 10_000 });
	const rows = await client.execute({
		sql: "select u.email, b.uid from bookings b join users u on u.id = b.user_id where b.event_id = ? and b.status = 'confirmed'",
		args: [burst.eventId]
	});
	client.close();
	return rows.rows.map(
		(r) => [burst.tokens[burst.emails.indexOf(String(r.email))], String(r.uid)] as const
	);
}

export async function cancelThroughServers(
	origins: string[],
	places: (readonly [string, string])[]
) {
	return Promise.all(
		places.map(([token, uid], i) =>
			postForm(origins[i % origins.length], '/account/bookings?/cancel', token, { booking: uid })
		)
	);
}

/**
 * A signed-in member's form post, as a browser sends it; resolves to the HTTP status, or 0
 * when the server never answered (it died, or the connection was refused).
 */
export async function postForm(
	origin: string,
	path: string,
	token: string,
	fields: Record<string, string>
) {
	try {
		const response = await fetch(`${origin}${path}`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin,
				// As a browser's form post does: HTML, so actions answer with a real redirect.
				accept: 'text/html',
				cookie: `session=${token}`,
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams(fields)
		});
		await response.arrayBuffer();
		return response.status;
	} catch {
		return 0;
	}
}

export const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
