// A three-day course that has ended, written straight into the test server's database, with
// its organiser and two places: one attended every day, one only the first.
import { newBookingUid } from '../../../src/lib/server/bookings/booking-uid.ts';
import { uniqueEmail } from './accounts.ts';
import { openE2eDatabase } from './server.ts';
import { sessionFor } from './sessions.ts';
import { createAccount } from './staff.ts';
import { insertEventWithSessions } from '../../load/event-rows.ts';

const DAY = 24 * 3_600_000;

/** A three-day course that ended yesterday; Sam attended all of it, Tom only the first day. */
export async function finishedCourse() {
	const organiser = await createAccount({
		name: 'Course organiser',
		roles: ['organiser'],
		twoFactor: true
	});
	const { client } = openE2eDatabase();
	const now = Date.now();
	const start = now - 4 * DAY;
	const number = `B${String(now).slice(-6)}`;
	try {
		const { id: eventId, sessionIds: sessions } = await insertEventWithSessions(
			client,
			{
				sql: `insert into events (slug, title, category, summary, description, venue_name, capacity, status, starts_at, ends_at, created_at, updated_at)
					values (?, 'Health and safety reps stage 1', 'course', 'Three days on the law and practice of workplace safety.', 'All about it.', 'Bank House', 20, 'published', ?, ?, ?, ?) returning id`,
				args: [`documents-course-${now}`, start, start + 2 * DAY + 6 * 3_600_000, now, now]
			},
			[0, 1, 2].map((d) => [start + d * DAY, start + d * DAY + 6 * 3_600_000]),
			organiser.id
		);
		const place = async (name: string, membershipNumber: string | null, attended: number[]) => {
			const email = uniqueEmail('documents');
			const user = await client.execute({
				sql: 'insert into users (email, name, membership_number, email_verified_at, created_at) values (?, ?, ?, ?, ?) returning id',
				args: [email, name, membershipNumber, now, now]
			});
			const uid = newBookingUid();
			const booking = await client.execute({
				sql: `insert into bookings (uid, event_id, user_id, status, guests, answers, created_at, status_changed_at, checked_in_at)
					values (?, ?, ?, 'confirmed', 0, '{"employer":"Birmingham City Council"}', ?, ?, ?) returning id`,
				args: [uid, eventId, Number(user.rows[0].id), now, now, attended.length ? start : null]
			});
			for (const i of attended)
				await client.execute({
					sql: `insert into check_ins (booking_id, session_id, checked_in_at, device_id, client_id, recorded_at)
						values (?, ?, ?, 'Door TEST', ?, ?)`,
					args: [Number(booking.rows[0].id), sessions[i], start + i * DAY, `${uid}-${i}`, now]
				});
			return { uid, email, token: await sessionFor(email) };
		};
		const sam = await place('Sam Newbie', number, [0, 1, 2]);
		const tom = await place('Tom Partial', null, [0]);
		const organiserToken = await sessionFor(organiser.email);
		return { eventId, sessions, number, sam, tom, organiserToken };
	} finally {
		client.close();
	}
}
