// Events made for one test, straight into the end-to-end server's database. Specs run side by
// side on one server, so the catalogue specs expect these extra events among the demo ones.
import { newBookingUid } from '../../../src/lib/server/bookings/booking-uid.ts';
import { insertEventWithSessions } from '../../load/event-rows.ts';
import { openE2eDatabase } from './server.ts';

const DAY = 24 * 3_600_000;

export async function createTestEvent(fields: {
	title: string;
	capacity: number | null;
	category?: string;
	startsInDays?: number;
	guestsAllowed?: number;
	/** An organiser who manages the event, as if they had created it. */
	organiserId?: number;
}) {
	const { client } = openE2eDatabase();
	const slug = `${fields.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${Date.now()}`;
	// Far enough ahead that the demo events stay first in listings other specs look at.
	const start = Date.now() + (fields.startsInDays ?? 200) * DAY;
	const end = start + 3 * 3_600_000;
	const { id } = await insertEventWithSessions(
		client,
		{
			sql: `insert into events (slug, title, category, summary, description, venue_name, venue_address, venue_postcode,
				capacity, guests_allowed, status, starts_at, ends_at, created_at, updated_at, booking_questions)
				values (?, ?, ?, 'A test event.', 'All about it.', 'Branch office, Bank House', '8 Cherry Street, Birmingham', 'B2 5AL',
				?, ?, 'published', ?, ?, ?, ?, '{"accessNeeds":true,"dietary":true,"employer":false}') returning id`,
			args: [
				slug,
				fields.title,
				fields.category ?? 'course',
				fields.capacity,
				fields.guestsAllowed ?? 0,
				start,
				end,
				Date.now(),
				Date.now()
			]
		},
		[[start, end]],
		fields.organiserId
	);
	client.close();
	return { id, slug };
}

/** The uid of a member's booking on an event, which names the emails about it. */
export async function bookingUidOf(eventId: number, userId: number) {
	const { client } = openE2eDatabase();
	try {
		const found = await client.execute({
			sql: 'select uid from bookings where event_id = ? and user_id = ? order by id desc limit 1',
			args: [eventId, userId]
		});
		return String(found.rows[0].uid);
	} finally {
		client.close();
	}
}

/** A confirmed place for a member, as if they had booked it (and come in); its uid. */
export async function addConfirmedBooking(
	eventId: number,
	userId: number,
	options: { checkedIn?: boolean } = {}
) {
	const { client } = openE2eDatabase();
	const uid = newBookingUid();
	const now = Date.now();
	await client.execute({
		sql: `insert into bookings (event_id, user_id, status, answers, uid, created_at, status_changed_at, checked_in_at)
			values (?, ?, 'confirmed', '{}', ?, ?, ?, ?)`,
		args: [eventId, userId, uid, now, now, options.checkedIn ? now : null]
	});
	client.close();
	return uid;
}

/** Another session, the day after the event's first, and the event ending with it. */
export async function addSessionNextDay(eventId: number) {
	const { client } = openE2eDatabase();
	try {
		await client.execute({
			sql: `insert into event_sessions (event_id, starts_at, ends_at)
				select event_id, starts_at + ?, ends_at + ? from event_sessions where event_id = ?`,
			args: [DAY, DAY, eventId]
		});
		await client.execute({
			sql: 'update events set ends_at = ends_at + ? where id = ?',
			args: [DAY, eventId]
		});
	} finally {
		client.close();
	}
}
