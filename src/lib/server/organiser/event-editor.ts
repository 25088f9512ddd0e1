// Creating, changing, publishing and cancelling events. Each is one batch: the event, its
// sessions, the calendar updates every attendee needs and the audit record commit together,
// and the calendar emails go out only if the change they announce really happened.
import { and, eq, like, sql, type SQL } from 'drizzle-orm';
import { auditInsert, auditInsertWhen } from '../audit.ts';
import { placesTakenSql } from '../bookings/places.ts';
import { eventChangedEmails } from '../bookings/event-change-emails.ts';
import { offerFreedPlaces } from '../bookings/offers.ts';
import { bookingEmailContext } from '../bookings/booking-context.ts';
import { db, table } from '../db/index.ts';
import type { Event, EventSession } from '../db/schema/index.ts';
import { queueEmailIf } from '../email/outbox.ts';
import { sessionsOfEvent } from '../events/sessions.ts';
import { wakeEmailWorker } from '../email/worker.ts';
import { describeChange } from './event-change.ts';
import { liveBookingsWithMembers, refuseEventEdit } from './event-edit-checks.ts';
import { slugFromTitle, type EventDraft, type EventFormErrors } from './event-form.ts';

export { cancelEvent, type CancelEventOutcome } from './event-cancel.ts';
export { describeChange } from './event-change.ts';

export type SaveOutcome = { ok: true; eventId: number } | { ok: false; errors: EventFormErrors };

async function freeSlug(title: string) {
	const base = slugFromTitle(title);
	const taken = new Set(
		(
			await db
				.select({ slug: table.events.slug })
				.from(table.events)
				.where(like(table.events.slug, `${base}%`))
		).map((r) => r.slug)
	);
	for (let n = 1; ; n++) {
		const slug = n === 1 ? base : `${base}-${n}`;
		if (!taken.has(slug)) return slug;
	}
}

function eventFields(draft: EventDraft) {
	const { sessions, ...fields } = draft;
	return {
		...fields,
		startsAt: sessions[0].startsAt,
		endsAt: sessions.reduce((last, s) => (s.endsAt > last ? s.endsAt : last), sessions[0].endsAt)
	};
}

/** A new event, as a draft or published at once; its creator becomes its first organiser. */
export async function createEvent(
	draft: EventDraft,
	actorUserId: number,
	publish: boolean,
	now = new Date()
): Promise<SaveOutcome> {
	for (let attempt = 0; attempt < 5; attempt++) {
		const slug = await freeSlug(draft.title);
		const eventId = sql`(select id from events where slug = ${slug})`;
		try {
			const [created] = await db.batch([
				db
					.insert(table.events)
					.values({
						...eventFields(draft),
						slug,
						status: publish ? 'published' : 'draft',
						createdBy: actorUserId,
						createdAt: now,
						updatedAt: now
					})
					.returning({ id: table.events.id }),
				db
					.insert(table.eventSessions)
					.values(draft.sessions.map((s) => ({ eventId: eventId as unknown as number, ...s }))),
				db
					.insert(table.eventOrganisers)
					.values({ eventId: eventId as unknown as number, userId: actorUserId, addedAt: now }),
				auditInsert(db, {
					actorUserId,
					action: publish ? 'event.published' : 'event.created',
					subjectType: 'event',
					subjectId: slug
				})
			]);
			return { ok: true, eventId: created[0].id };
		} catch (thrown) {
			// Someone took the same slug a moment ago: pick the next free one.
			if (!String(thrown).includes('UNIQUE')) throw thrown;
		}
	}
	return { ok: false, errors: { title: 'Could not save: try a slightly different title' } };
}

/**
 * Saves an edited event. On a published event a change of time or place raises SEQUENCE and
 * sends every confirmed attendee the updated invitation in the same batch; a lower capacity may
 * not squeeze out places already confirmed or offered; a higher one offers places to the queue.
 */
export async function updateEvent(
	event: Event,
	draft: EventDraft,
	actorUserId: number,
	publish: boolean,
	now = new Date()
): Promise<SaveOutcome> {
	const sessions = await sessionsOfEvent(event.id);
	const refused = await refuseEventEdit(event, sessions, draft);
	if (refused) return { ok: false, errors: refused };
	const live = event.status === 'published';
	const change = live ? describeChange({ event, sessions }, draft) : null;
	const sequence = change ? event.sequence + 1 : event.sequence;
	const status = publish && event.status === 'draft' ? 'published' : event.status;
	const saved = sql`exists (select 1 from events where id = ${event.id} and updated_at = ${now.getTime()} and sequence = ${sequence})`;
	const updated: Event = { ...event, ...eventFields(draft), status, sequence, updatedAt: now };
	const emails = change ? await changeEmails(updated, sessions, draft, change, saved, now) : [];
	const [rows] = await db.batch([
		eventWrite(event, draft, { status, sequence, updatedAt: now }),
		...sessionWrites(event, sessions, draft, saved),
		...emails,
		auditInsertWhen(
			db,
			saved,
			{
				actorUserId,
				action: status !== event.status ? 'event.published' : 'event.updated',
				subjectType: 'event',
				subjectId: event.slug,
				detail: change ? { change, sequence } : undefined
			},
			now
		)
	]);
	if (rows.length === 0) return { ok: false, errors: { title: EDITED_MEANWHILE } };
	if (emails.length) wakeEmailWorker();
	const raised =
		status === 'published' &&
		(draft.capacity === null ? event.capacity !== null : (event.capacity ?? 0) < draft.capacity);
	if (raised) await offerFreedPlaces(event.id, now);
	return { ok: true, eventId: event.id };
}

const EDITED_MEANWHILE =
	'Someone else changed this event or its bookings while you were editing. Check the details and save again.';

/** The event's own row, changed only if nobody else changed it and the new capacity still fits. */
function eventWrite(
	event: Event,
	draft: EventDraft,
	set: Pick<Event, 'status' | 'sequence' | 'updatedAt'>
) {
	const capacityGuard =
		draft.capacity === null ? sql`1 = 1` : sql`${placesTakenSql(event.id)} <= ${draft.capacity}`;
	return db
		.update(table.events)
		.set({ ...eventFields(draft), ...set })
		.where(
			and(
				eq(table.events.id, event.id),
				eq(table.events.sequence, event.sequence),
				eq(table.events.status, event.status),
				capacityGuard
			)
		)
		.returning({ id: table.events.id });
}

/**
 * A published event keeps its session rows (and so every calendar's UIDs) and only moves their
 * times; a draft's sessions are simply replaced. Each write happens only if the event's own did.
 */
function sessionWrites(event: Event, sessions: EventSession[], draft: EventDraft, saved: SQL) {
	if (event.status === 'published') {
		return sessions.map((s, i) =>
			db
				.update(table.eventSessions)
				.set(draft.sessions[i])
				.where(and(eq(table.eventSessions.id, s.id), saved))
		);
	}
	return [
		db.delete(table.eventSessions).where(and(eq(table.eventSessions.eventId, event.id), saved)),
		...draft.sessions.map((s) =>
			db.run(sql`insert into event_sessions (event_id, starts_at, ends_at)
				select ${event.id}, ${s.startsAt.getTime()}, ${s.endsAt.getTime()} where ${saved}`)
		)
	];
}

/** The updated invitation for every confirmed attendee, queued only if the save commits. */
async function changeEmails(
	updated: Event,
	sessions: EventSession[],
	draft: EventDraft,
	change: string,
	saved: SQL,
	now: Date
) {
	const newSessions = sessions.map((s, i) => ({ ...s, ...draft.sessions[i] }));
	const attendees = await liveBookingsWithMembers(updated.id, ['confirmed']);
	return attendees.flatMap(({ booking, member }) =>
		eventChangedEmails(
			bookingEmailContext({ event: updated, sessions: newSessions }, member, booking.uid),
			change
		).map((email) => queueEmailIf(db, email, saved, { now }))
	);
}
