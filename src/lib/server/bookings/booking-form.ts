// The booking questions page: what to ask about one event, and confirming a booking from the
// submitted form.
import { and, eq } from 'drizzle-orm';
import { db, table } from '../db/index.ts';
import type { User } from '../db/schema/index.ts';
import { describeAvailability } from '../events/availability.ts';
import { bookPlace } from './book.ts';
import { placesTakenSql, waitingSql } from './places.ts';
import { memberViewOfEvent } from './booking-page.ts';
import {
	eventIdForSlug,
	loadEventWithSessions,
	recentEventWithSessions
} from './booking-context.ts';
import type { AnswerInput } from './answers.ts';
import { readEventAnswers } from './event-answers.ts';
import { sql } from 'drizzle-orm';
import { listEventQuestions } from '../booking-questions/questions.ts';

export async function bookingFormFor(slug: string, user: User, now = new Date()) {
	const [row] = await db
		.select({ id: table.events.id })
		.from(table.events)
		.where(and(eq(table.events.slug, slug), eq(table.events.status, 'published')));
	const found = row ? await loadEventWithSessions(row.id) : null;
	if (!found || found.sessions.length === 0) return null;
	const [{ taken, waiting }] = await db
		.select({
			taken: sql<number>`${placesTakenSql(found.event.id)}`,
			waiting: waitingSql(found.event.id)
		})
		.from(table.events)
		.where(eq(table.events.id, found.event.id));
	const view = await memberViewOfEvent(user, found.event, found.sessions[0].startsAt, now);
	return {
		...found,
		view,
		questions: await listEventQuestions(found.event.id, { askedOnly: true }),
		availability: describeAvailability({
			booking: found.event.booking,
			capacity: found.event.capacity,
			placesTaken: Number(taken),
			waiting: Number(waiting)
		})
	};
}

export async function confirmBooking(
	slug: string,
	user: User,
	input: AnswerInput,
	/** Every value posted under each organiser question's field name. */
	questionInput: Record<string, string[]> = {},
	now = new Date()
) {
	const eventId = await eventIdForSlug(slug);
	if (eventId === null) return { ok: false as const, status: 404, reason: 'Event not found' };
	const found = await recentEventWithSessions(eventId);
	if (!found) return { ok: false as const, status: 404, reason: 'Event not found' };
	const { event } = found;
	const read = await readEventAnswers(event, input, questionInput);
	if (!read.ok) return { ok: false as const, status: 400, errors: read.errors };
	const { answers, guests } = read;
	const outcome = await bookPlace({ eventId, userId: user.id, answers, guests }, now);
	if (!outcome.ok)
		return { ok: false as const, status: outcome.existing ? 409 : 403, reason: outcome.reason };
	return { ok: true as const, status: outcome.booking.status };
}
