// The member's ballot pages: what the entry form asks about an event. The form is read as a
// booking's is (readAnswerForm in bookings/answers.ts).
import { and, eq } from 'drizzle-orm';
import { ACCESS_NEEDS } from '../bookings/answers.ts';
import { loadEventWithSessions } from '../bookings/booking-context.ts';
import { listEventQuestions } from '../booking-questions/questions.ts';
import { db, table } from '../db/index.ts';
import type { User } from '../db/schema/index.ts';
import { eventBallotView } from './ballot-view.ts';

/** The event, its first session and the member's view of its ballot; null when there is none. */
export async function ballotEntryPage(slug: string, user: User, now = new Date()) {
	const [row] = await db
		.select({ id: table.events.id })
		.from(table.events)
		.where(and(eq(table.events.slug, slug), eq(table.events.status, 'published')));
	const found = row ? await loadEventWithSessions(row.id) : null;
	if (!found || found.sessions.length === 0) return null;
	const ballot = await eventBallotView(found.event, found.sessions[0].startsAt, user, now);
	if (!ballot) return null;
	const { event } = found;
	return {
		event: {
			id: event.id,
			slug: event.slug,
			title: event.title,
			guestsAllowed: event.guestsAllowed,
			questions: event.bookingQuestions
		},
		firstSession: found.sessions[0].startsAt,
		sessionCount: found.sessions.length,
		ballot,
		ownQuestions: (await listEventQuestions(event.id, { askedOnly: true })).map((q) => ({
			id: q.id,
			type: q.type,
			wording: q.wording,
			hint: q.hint,
			options: q.options,
			required: q.required,
			sensitive: q.sensitive
		})),
		accessNeeds: Object.entries(ACCESS_NEEDS)
	};
}
