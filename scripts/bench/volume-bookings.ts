// The bookings and emails of the volume seed, as INSERT … SELECT over the volume events.
// Each event draws its bookers from the member pool in a run that wraps around, so nobody books
// an event twice; every tenth booking was cancelled; live bookings fill the places in order,
// the last two places of a future event with a queue are on offer, and the rest wait in
// positions 1, 2, 3 … — the same shapes the booking rules produce.
import type { Client } from '@libsql/client';
const DAY = 24 * 3_600_000;

type Range = {
	firstEvent: number;
	lastEvent: number;
	firstUser: number;
	pool: number;
	busyMember: number;
	busyStride: number;
	now: number;
};

export async function insertVolumeBookings(client: Client, r: Range) {
	const idx = `(e.id - ${r.firstEvent})`;
	// How many people booked each event: a fixed 500 on the first, otherwise by category.
	const demand = `case when e.status = 'draft' then 0 when e.id = ${r.firstEvent} then 500
		else case e.category when 'celebration' then 150 + (${idx} * 53) % 400
			when 'day-of-action' then 400 + (${idx} * 37) % 500
			when 'fuel-grant-session' then 12 + (${idx} * 7) % 30
			else 16 + (${idx} * 11) % 70 end end`;
	const created = `min(starts_at - 30 * ${DAY}, ${r.now - 2 * DAY}) + n * 60000`;
	await client.batch(
		[
			`with recursive j(n) as (select 0 union all select n + 1 from j where n < 999),
			v as (select e.id, e.capacity, e.status as event_status, e.starts_at, e.starts_at > ${r.now} as future,
				${idx} as idx, ${demand} as demand
				from events e where e.id between ${r.firstEvent} and ${r.lastEvent}),
			x as (select v.*, j.n, j.n - j.n / 10 as rank, j.n % 10 <> 9 and event_status = 'published' as live,
				-- two places on offer when a future event has more live bookings than places
				case when future and capacity is not null and demand - demand / 10 > capacity + 2
					then 2 else 0 end as offers
				from v join j on j.n < v.demand),
			y as (select x.*, case when not live then 'cancelled'
					when capacity is null or rank < capacity - offers then 'confirmed'
					when rank < capacity then 'offered' else 'waitlisted' end as status from x)
			insert into bookings (uid, event_id, user_id, status, waitlist_position, offer_expires_at, answers,
				guests, checked_in_at, created_at, cancelled_at, status_changed_at)
			select lower(hex(randomblob(10))), id, ${r.firstUser} + (idx * 7919 + n) % ${r.pool}, status,
				case when status = 'waitlisted' then rank - capacity + 1 end,
				case when status = 'offered' then ${r.now + 12 * 3_600_000} end,
				case when future and n % 7 = 0 then '{"accessNeeds":["step-free"],"dietary":"Vegetarian"}' else '{}' end,
				0, case when not future and status = 'confirmed' and n % 5 <> 0 then starts_at end,
				${created}, case when status = 'cancelled' then ${created} + 3600000 end,
				${created} + case when status = 'cancelled' then 3600000 else 0 end
			from y`,
			// The member with many bookings: a place where one is free, else the end of the queue.
			`insert into bookings (uid, event_id, user_id, status, waitlist_position, answers, guests, created_at,
				status_changed_at)
			select lower(hex(randomblob(10))), e.id, ${r.busyMember},
				case when free then 'confirmed' else 'waitlisted' end,
				case when not free then (select coalesce(max(w.waitlist_position), 0) + 1 from bookings w
					where w.event_id = e.id) end,
				'{}', 0, ${r.now - 3 * DAY}, ${r.now - 3 * DAY}
			from (select e.*, e.capacity is null or (select count(*) from bookings b where b.event_id = e.id
					and b.status in ('confirmed', 'offered')) < e.capacity as free
				from events e where e.id between ${r.firstEvent + 1} and ${r.lastEvent}
				and e.status = 'published' and (e.id - ${r.firstEvent}) % ${r.busyStride} = 1) e`
		],
		'write'
	);
}

/** The emails the volume caused, all long since sent: one per booking and cancellation, and each member's sign-up code. */
export async function insertVolumeOutbox(client: Client) {
	const body = (greeting: string, line: string) =>
		`'${greeting} ' || u.name || ',' || char(10) || char(10) || ${line} || char(10) || char(10) ||
		'Manage your bookings at https://branchdesk.example/account/bookings.'`;
	await client.batch(
		[
			`insert into outbox (idempotency_key, recipient, recipient_name, template, subject, text_body, html_body,
				calendar_method, status, attempts, next_attempt_at, provider_id, created_at, sent_at)
			select 'volume/booked/' || b.uid, u.email, u.name,
				case when b.status = 'waitlisted' then 'booking-waitlisted' else 'booking-confirmed' end,
				'Your booking: ' || e.title, ${body('Dear', "'You are booked on ' || e.title || ' at ' || coalesce(e.venue_name, 'online') || '.'")},
				'<p>Dear ' || u.name || ',</p><p>You are booked on <strong>' || e.title || '</strong>.</p>',
				case when b.status = 'waitlisted' then null else 'REQUEST' end, 'sent', 1, b.created_at,
				'volume-' || b.uid, b.created_at, b.created_at + 2000
			from bookings b join users u on u.id = b.user_id join events e on e.id = b.event_id
			where u.email like '%@members.example'`,
			`insert into outbox (idempotency_key, recipient, recipient_name, template, subject, text_body, html_body,
				calendar_method, status, attempts, next_attempt_at, provider_id, created_at, sent_at)
			select 'volume/cancelled/' || b.uid, u.email, u.name, 'booking-cancelled',
				'Booking cancelled: ' || e.title, ${body('Dear', "'Your place on ' || e.title || ' is cancelled.'")},
				'<p>Your place on <strong>' || e.title || '</strong> is cancelled.</p>', 'CANCEL', 'sent', 1,
				b.cancelled_at, 'volume-c-' || b.uid, b.cancelled_at, b.cancelled_at + 2000
			from bookings b join users u on u.id = b.user_id join events e on e.id = b.event_id
			where b.status = 'cancelled' and u.email like '%@members.example'`,
			// One in a thousand sign-up codes bounced for good: the outbox page has failures to show.
			`insert into outbox (idempotency_key, recipient, recipient_name, template, subject, text_body, html_body,
				status, attempts, next_attempt_at, provider_id, last_error, created_at, sent_at)
			select 'volume/sign-up/' || u.id, u.email, u.name, 'email-verification', 'Your verification code',
				${body('Hello', "'Your code is ' || printf('%08d', u.id * 7919 % 100000000) || '.'")},
				'<p>Your code is ' || printf('%08d', u.id * 7919 % 100000000) || '.</p>',
				case when u.id % 1000 = 0 then 'failed' else 'sent' end, 1, u.created_at,
				case when u.id % 1000 <> 0 then 'volume-u' || u.id end,
				case when u.id % 1000 = 0 then '422 validation_error: mailbox does not exist' end,
				u.created_at, case when u.id % 1000 <> 0 then u.created_at + 2000 end
			from users u where u.email like '%@members.example'`
		],
		'write'
	);
}
