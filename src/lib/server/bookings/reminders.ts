// Job: a reminder the day before each session, to confirmed attendees only. Each reminder's
// idempotency key is its booking and session, so any number of runs, in any number of
// processes, queue it once.
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import { config } from '../config.ts';
import { db, table } from '../db/index.ts';
import { queueEmail } from '../email/outbox.ts';
import { wakeEmailWorker } from '../email/worker.ts';
import { loadEventWithSessions } from './booking-context.ts';
import { reminderEmail } from './emails.ts';

export const REMINDER_LEAD_MS = 24 * 3_600_000;

export async function queueDueReminders(now = new Date()) {
	const due = await db
		.select({ session: table.eventSessions, booking: table.bookings, user: table.users })
		.from(table.eventSessions)
		.innerJoin(table.events, eq(table.events.id, table.eventSessions.eventId))
		.innerJoin(table.bookings, eq(table.bookings.eventId, table.events.id))
		.innerJoin(table.users, eq(table.users.id, table.bookings.userId))
		.where(
			and(
				eq(table.events.status, 'published'),
				eq(table.bookings.status, 'confirmed'),
				gt(table.eventSessions.startsAt, now),
				lte(table.eventSessions.startsAt, new Date(now.getTime() + REMINDER_LEAD_MS)),
				// Someone who booked inside the last day has just had their confirmation.
				sql`${table.bookings.statusChangedAt} <= ${table.eventSessions.startsAt} - ${REMINDER_LEAD_MS}`,
				sql`not exists (select 1 from outbox o where o.idempotency_key = 'reminder/' || ${table.bookings.uid} || '/session-' || ${table.eventSessions.id})`
			)
		)
		.limit(500);
	const events = new Map<number, Awaited<ReturnType<typeof loadEventWithSessions>>>();
	for (const { session, booking, user } of due) {
		if (!events.has(session.eventId))
			events.set(session.eventId, await loadEventWithSessions(session.eventId));
		const found = events.get(session.eventId);
		if (!found) continue;
		const context = {
			config,
			...found,
			member: { email: user.email, name: user.name },
			bookingUid: booking.uid
		};
		const held = found.sessions.find((s) => s.id === session.id) ?? session;
		await queueEmail(db, reminderEmail(context, held), now);
	}
	if (due.length) wakeEmailWorker();
	return due.length;
}
