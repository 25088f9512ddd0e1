// A branch at realistic volume, written straight into a seeded database with a few large
// INSERT … SELECT statements: per unit of scale, 200 events of every category (courses over
// three weeks, past and future), 20,000 members on the list and with accounts (one shared
// password hash), about 54,000 bookings in every status, and the emails those caused.
// The fixtures the bench measures keep their size at every scale (one event of 500 bookings,
// a member with about 60, the page sizes), so what grows with scale is only the tables around
// them: any growth in time per request comes from how the queries find their rows.
import { digestSecret, generateSecret } from '../../src/lib/server/auth/secrets.ts';
import { hashPassword } from '../../src/lib/server/auth/password.ts';
import type { Client, InStatement } from '@libsql/client';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { insertVolumeBookings, insertVolumeOutbox } from './volume-bookings.ts';

const DAY = 24 * 3_600_000;
const EVENTS_PER_SCALE = 200;
const MEMBERS_PER_SCALE = 20_000;
/** The member with many bookings books about this many events, whatever the scale. */
const BUSY_MEMBER_BOOKINGS = 60;

const titles = {
	celebration: [
		'Branch Anniversary Celebration',
		'Stars in Our Schools awards evening',
		"Retired members' lunch",
		"Women's committee social",
		'Long service awards night'
	],
	'day-of-action': [
		'Day of action for fair pay',
		"Home care workers' rally",
		'Lobby of the council budget meeting',
		'Save our libraries march'
	],
	'fuel-grant-session': ['Winter fuel grant help session'],
	course: [
		'Introduction to being a workplace rep',
		'Health and safety reps stage 1',
		'Equal pay: know your rights',
		'Mental health awareness at work',
		'Negotiating skills for reps',
		'Casework for reps'
	]
};
const venues = [
	'Ladywood Social Club',
	'Council House steps',
	'Branch office, Bank House',
	'Birmingham and Midland Institute',
	'Digbeth Trades Hall',
	'Handsworth Library'
];
const firstNames = ['Amara', 'Daniel', 'Shazia', 'Kevin', 'Leanne', 'Marcus', 'Nasreen', 'Paul'];
const surnames = ['Okafor', 'Hughes', 'Begum', 'Doyle', 'Price', 'Campbell', 'Akhtar', 'Kelly'];

export type VolumeFixture = {
	scale: number;
	counts: { events: number; members: number; bookings: number; outbox: number };
	/** A published event with exactly 500 bookings, managed by the demo organiser. */
	attendeesEventId: number;
	organiserToken: string;
	busyMemberToken: string;
	/** A future course nobody has booked yet, and members in good standing to book it. */
	bookingTarget: { eventId: number; slug: string };
	bookerTokens: string[];
};

const pick = (list: string[], index: string) =>
	`json_extract('${JSON.stringify(list).replace(/'/g, "''")}', '$[' || ((${index}) % ${list.length}) || ']')`;

const series = (count: number) =>
	`with recursive n(i) as (select 0 union all select i + 1 from n where i < ${count - 1})`;

export async function seedVolume(url: string, scale: number, bookers = 50): Promise<VolumeFixture> {
	const { client } = openDatabase({ url, busyTimeoutMs: 30_000 });
	const now = Date.now();
	const today = now - (now % DAY);
	const eventCount = EVENTS_PER_SCALE * scale;
	const pool = MEMBERS_PER_SCALE * scale;
	const passwordHash = await hashPassword('Volume-Member-Password-26');
	const organiser = await client.execute(
		"select id from users where email = 'organiser@branchdesk.example'"
	);
	const organiserId = Number(organiser.rows[0].id);
	await client.batch(
		[
			...volumeEventStatements({ eventCount, organiserId, now, today }),
			...volumeMemberStatements({ members: pool + 1 + bookers, pool, passwordHash, now, today })
		],
		'write'
	);
	const range = await client.execute(
		"select min(id) as first, max(id) as last from events where slug like 'volume-%'"
	);
	const firstEvent = Number(range.rows[0].first);
	const users = await client.execute(
		"select min(id) as first from users where email like '%@members.example'"
	);
	const firstUser = Number(users.rows[0].first);
	await insertVolumeBookings(client, {
		firstEvent,
		lastEvent: Number(range.rows[0].last),
		firstUser,
		pool,
		busyMember: firstUser + pool,
		busyStride: Math.max(2, Math.floor(eventCount / BUSY_MEMBER_BOOKINGS)),
		now
	});
	await insertVolumeOutbox(client);
	const targetId = await insertBookingTarget(client, {
		places: bookers + 10,
		organiserId,
		now,
		today
	});
	const session = (userId: number, staff: boolean) => signIn(client, userId, staff, now);
	// The bookers follow the busy member, outside the pool the bookings were drawn from.
	const bookerIds = Array.from({ length: bookers }, (_, i) => firstUser + pool + 1 + i);
	const fixture: VolumeFixture = {
		scale,
		counts: await countRows(client),
		attendeesEventId: firstEvent,
		organiserToken: await session(organiserId, true),
		busyMemberToken: await session(firstUser + pool, false),
		bookingTarget: { eventId: targetId, slug: 'volume-booking-target' },
		bookerTokens: await Promise.all(bookerIds.map((id) => session(id, false)))
	};
	await client.execute('pragma wal_checkpoint(truncate)');
	client.close();
	return fixture;
}

type Clock = { now: number; today: number };

/** The events of every category, their sessions (three weeks for a course), and their organiser. */
function volumeEventStatements({
	eventCount,
	organiserId,
	now,
	today
}: Clock & { eventCount: number; organiserId: number }): InStatement[] {
	const category = `case i % 4 when 0 then 'celebration' when 1 then 'day-of-action' when 2 then 'fuel-grant-session' else 'course' end`;
	const titleOf = `case i % 4 when 0 then ${pick(titles.celebration, 'i / 4')} when 1 then ${pick(titles['day-of-action'], 'i / 4')}
		when 2 then ${pick(titles['fuel-grant-session'], 'i')} else ${pick(titles.course, 'i / 4')} end`;
	// Half a year either side of today; courses run over three weeks, everything else one evening.
	const startOf = `${today} + (((i * 97) % 366) - 183) * ${DAY} + (17 + i % 3) * 3600000`;
	return [
		`${series(eventCount)} insert into events (slug, title, category, summary, description, venue_name,
			venue_address, venue_postcode, capacity, status, members_only, starts_at, ends_at,
			cancelled_reason, created_by, created_at, updated_at)
		select 'volume-' || i, ${titleOf}, ${category}, 'A branch event for members and their families.',
			'Come along and bring a colleague.' || char(10) || char(10) || 'Tea and coffee provided.',
			${pick(venues, 'i')}, 'Birmingham', 'B' || (1 + i % 40) || ' ' || (1 + i % 9) || 'AA',
			case i % 4 when 0 then case when i = 0 then 400 else 150 + (i % 3) * 100 end
				when 1 then null when 2 then 12 else 16 + (i % 3) * 7 end,
			case when i % 23 = 5 then 'draft' when i % 29 = 7 then 'cancelled' else 'published' end,
			i % 8 = 4, ${startOf},
			${startOf} + case when i % 4 = 3 then 14 * ${DAY} + 6 * 3600000 else 3 * 3600000 end,
			case when i % 29 = 7 and i % 23 <> 5 then 'The venue is no longer available.' end,
			${organiserId}, ${now - 200 * DAY}, ${now - 200 * DAY}
		from n`,
		`insert into event_sessions (event_id, title, starts_at, ends_at)
		select e.id, case when e.category = 'course' then 'Week ' || (k.w + 1) end,
			e.starts_at + k.w * 7 * ${DAY},
			e.starts_at + k.w * 7 * ${DAY} + case when e.category = 'course' then 6 else 3 end * 3600000
		from events e join (select 0 as w union all select 1 union all select 2) k
		where e.slug like 'volume-%' and (k.w = 0 or e.category = 'course')`,
		`insert into event_organisers (event_id, user_id, added_at)
		select id, ${organiserId}, ${now} from events
		where slug like 'volume-%' and cast(substr(slug, 8) as integer) % 10 = 0`
	];
}

/** The membership list and a verified account for each member on it, sharing one password hash. */
function volumeMemberStatements({
	members,
	pool,
	passwordHash,
	now,
	today
}: Clock & { members: number; pool: number; passwordHash: string }): InStatement[] {
	return [
		`${series(members)} insert into members_register (membership_number, surname, postcode,
			joined_on, subs_paid_to, imported_at)
		select 'V' || printf('%07d', i), ${pick(surnames, 'i / 8')}, 'B' || (1 + i % 40) || ' ' || (1 + i % 9) || 'AA',
			date(${today / 1000} - (40 + i % 9000) * 86400, 'unixepoch'),
			date(${today / 1000} - case when i % 20 = 19 and i < ${pool} then 60 else i % 20 end * 86400, 'unixepoch'), ${now}
		from n`,
		{
			sql: `${series(members)} insert into users (email, email_verified_at, password_hash, name,
				membership_number, member_verified_at, roles, is_demo, created_at)
			select lower(${pick(firstNames, 'i')} || '.' || ${pick(surnames, 'i / 8')}) || '.' || i || '@members.example',
				${now - 100 * DAY}, ?, ${pick(firstNames, 'i')} || ' ' || ${pick(surnames, 'i / 8')},
				'V' || printf('%07d', i), ${now - 100 * DAY}, '[]', 1, ${now - 100 * DAY}
			from n`,
			args: [passwordHash]
		}
	];
}

/** A future course nobody has booked yet, for the booking burst. */
async function insertBookingTarget(
	client: Client,
	{ places, organiserId, now, today }: Clock & { places: number; organiserId: number }
) {
	const targetStart = today + 21 * DAY + 9 * 3_600_000;
	const target = await client.execute({
		sql: `insert into events (slug, title, category, summary, description, venue_name, capacity, status,
			booking_questions, starts_at, ends_at, created_by, created_at, updated_at)
			values ('volume-booking-target', 'Branch officers training', 'course', 'For new branch officers.',
			'A day on the branch rule book.', 'Branch office, Bank House', ?, 'published',
			'{"accessNeeds":true,"dietary":false,"employer":true}', ?, ?, ?, ?, ?) returning id`,
		args: [places, targetStart, targetStart + 6 * 3_600_000, organiserId, now, now]
	});
	const targetId = Number(target.rows[0].id);
	await client.execute({
		sql: 'insert into event_sessions (event_id, starts_at, ends_at) values (?, ?, ?)',
		args: [targetId, targetStart, targetStart + 6 * 3_600_000]
	});
	return targetId;
}

/** A signed-in session for the member, as its cookie value; staff have passed two-factor. */
async function signIn(client: Client, userId: number, staff: boolean, now: number) {
	const id = generateSecret(20);
	const secret = generateSecret(32);
	await client.execute({
		sql: `insert into sessions (id, secret_hash, user_id, created_at, last_used_at, two_factor_verified_at)
			values (?, ?, ?, ?, ?, ?)`,
		args: [id, digestSecret(secret), userId, now, now, staff ? now : null]
	});
	return `${id}.${secret}`;
}

async function countRows(client: Client) {
	const counts = await client.execute(`select (select count(*) from events) as events,
		(select count(*) from members_register) as members, (select count(*) from bookings) as bookings,
		(select count(*) from outbox) as outbox`);
	return {
		events: Number(counts.rows[0].events),
		members: Number(counts.rows[0].members),
		bookings: Number(counts.rows[0].bookings),
		outbox: Number(counts.rows[0].outbox)
	};
}
