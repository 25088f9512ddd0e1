// Creating, changing, publishing and cancelling events. Each is one batch: the event, its
// sessions, the calendar updates every attendee needs and the audit record commit together,
// and the calendar emails go out only if the change they announce really happened.
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { auditInsert, auditInsertWhen } from '../audit.ts';
import { ballotCancellationWrites } from '../ballot/cancellation.ts';
import { placesTakenSql, waitingSql } from '../bookings/places.ts';
import { eventCancelledEmails, eventChangedEmails } from '../bookings/event-change-emails.ts';
import { offerFreedPlaces } from '../bookings/offers.ts';
import { config } from '../config.ts';
import { db, table } from '../db/index.ts';
import type { Event, EventSession } from '../db/schema/index.ts';
import { queueEmailIf } from '../email/outbox.ts';
import { sessionsOfEvent } from '../events/sessions.ts';
import { wakeEmailWorker } from '../email/worker.ts';
import { formatSessionTime } from '../../london-time.ts';
import { slugFromTitle, type EventDraft, type EventFormErrors } from './event-form.ts';

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

const sameTimes = (a: { startsAt: Date; endsAt: Date }[], b: { startsAt: Date; endsAt: Date }[]) =>
	a.length === b.length &&
	a.every(
		(s, i) =>
			s.startsAt.getTime() === b[i].startsAt.getTime() &&
			s.endsAt.getTime() === b[i].endsAt.getTime()
	);

const placeOf = (e: Pick<Event, 'venueName' | 'venueAddress' | 'venuePostcode' | 'onlineUrl'>) =>
	[e.venueName, e.venueAddress, e.venuePostcode, e.onlineUrl].filter(Boolean).join(', ');

/** The plain "what changed" line attendees read, or null when calendars need no update. */
export function describeChange(
	before: { event: Event; sessions: Pick<EventSession, 'startsAt' | 'endsAt'>[] },
	after: EventDraft
): string | null {
	const lines: string[] = [];
	if (!sameTimes(before.sessions, after.sessions)) {
		const [was, now] = [before.sessions[0], after.sessions[0]];
		lines.push(
			after.sessions.length > 1
				? 'The session times have changed.'
				: `It now takes place ${formatSessionTime(now.startsAt, now.endsAt)} (it was ${formatSessionTime(was.startsAt, was.endsAt)}).`
		);
	}
	const [wasAt, nowAt] = [placeOf(before.event), placeOf(after)];
	if (wasAt !== nowAt) lines.push(`It is now at ${nowAt} (it was at ${wasAt}).`);
	return lines.length ? lines.join(' ') : null;
}

async function liveBookingsWithMembers(eventId: number, statuses: string[]) {
	return db
		.select({ booking: table.bookings, member: table.users })
		.from(table.bookings)
		.innerJoin(table.users, eq(table.users.id, table.bookings.userId))
		.where(
			and(
				eq(table.bookings.eventId, eventId),
				inArray(table.bookings.status, statuses as ('confirmed' | 'waitlisted' | 'offered')[])
			)
		);
}

async function waitingCount(eventId: number) {
	const [row] = await db.select({ n: waitingSql(eventId) }).from(sql`(select 1)`);
	return Number(row.n);
}

/** The most guests any live booking of the event brings: fewer may not be allowed. */
async function mostGuestsBooked(eventId: number) {
	const [row] = await db
		.select({ n: sql<number>`coalesce(max(${table.bookings.guests}), 0)` })
		.from(table.bookings)
		.where(and(eq(table.bookings.eventId, eventId), sql`${table.bookings.status} <> 'cancelled'`));
	return Number(row.n);
}

async function placesTaken(eventId: number) {
	const [row] = await db.select({ n: placesTakenSql(eventId) }).from(sql`(select 1)`);
	return Number(row.n);
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
	if (event.status === 'cancelled')
		return { ok: false, errors: { title: 'This event has been cancelled and cannot be changed' } };
	const sessions = await sessionsOfEvent(event.id);
	const live = event.status === 'published';
	if (live && sessions.length !== draft.sessions.length) {
		return {
			ok: false,
			errors: {
				'session-0-date': `This event is published with ${sessions.length} session${sessions.length === 1 ? '' : 's'}: change their times here, but keep the same number so attendees' calendars stay right`
			}
		};
	}
	const taken = live ? await placesTaken(event.id) : 0;
	if (draft.capacity !== null && draft.capacity < taken) {
		return {
			ok: false,
			errors: {
				capacity: `Capacity cannot be less than ${taken}: that many places are already confirmed or offered`
			}
		};
	}
	const mostGuests = await mostGuestsBooked(event.id);
	if (draft.guestsAllowed < mostGuests) {
		return {
			ok: false,
			errors: {
				guestsAllowed: `Guests allowed cannot be less than ${mostGuests}: a booking already brings that many guests`
			}
		};
	}
	if (
		live &&
		draft.capacity === null &&
		event.capacity !== null &&
		(await waitingCount(event.id)) > 0
	) {
		// The waiting list only moves when places are counted, so it needs a number to move into.
		return {
			ok: false,
			errors: {
				capacity:
					'People are on the waiting list: enter a number of places big enough for them instead of leaving it blank'
			}
		};
	}
	const change = live ? describeChange({ event, sessions }, draft) : null;
	const sequence = change ? event.sequence + 1 : event.sequence;
	const status = publish && event.status === 'draft' ? 'published' : event.status;
	const saved = sql`exists (select 1 from events where id = ${event.id} and updated_at = ${now.getTime()} and sequence = ${sequence})`;
	const updated: Event = { ...event, ...eventFields(draft), status, sequence, updatedAt: now };

	const sessionWrites = live
		? sessions.map((s, i) =>
				db
					.update(table.eventSessions)
					.set(draft.sessions[i])
					.where(and(eq(table.eventSessions.id, s.id), saved))
			)
		: [
				db.delete(table.eventSessions).where(and(eq(table.eventSessions.eventId, event.id), saved)),
				...draft.sessions.map((s) =>
					db.run(sql`insert into event_sessions (event_id, starts_at, ends_at)
						select ${event.id}, ${s.startsAt.getTime()}, ${s.endsAt.getTime()} where ${saved}`)
				)
			];
	const newSessions = live ? sessions.map((s, i) => ({ ...s, ...draft.sessions[i] })) : [];
	const attendees = change ? await liveBookingsWithMembers(event.id, ['confirmed']) : [];
	const emails = attendees.flatMap(({ booking, member }) =>
		eventChangedEmails(
			{
				config,
				event: updated,
				sessions: newSessions,
				member: { email: member.email, name: member.name },
				bookingUid: booking.uid
			},
			change!
		).map((email) => queueEmailIf(db, email, saved, { now }))
	);
	const capacityGuard =
		draft.capacity === null ? sql`1 = 1` : sql`${placesTakenSql(event.id)} <= ${draft.capacity}`;
	const [rows] = await db.batch([
		db
			.update(table.events)
			.set({ ...eventFields(draft), status, sequence, updatedAt: now })
			.where(
				and(
					eq(table.events.id, event.id),
					eq(table.events.sequence, event.sequence),
					eq(table.events.status, event.status),
					capacityGuard
				)
			)
			.returning({ id: table.events.id }),
		...sessionWrites,
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
	if (rows.length === 0) {
		return {
			ok: false,
			errors: {
				title:
					'Someone else changed this event or its bookings while you were editing. Check the details and save again.'
			}
		};
	}
	if (emails.length) wakeEmailWorker();
	const raised =
		status === 'published' &&
		(draft.capacity === null ? event.capacity !== null : (event.capacity ?? 0) < draft.capacity);
	if (raised) await offerFreedPlaces(event.id, now);
	return { ok: true, eventId: event.id };
}

export type CancelEventOutcome = { ok: true } | { ok: false; errors: Record<string, string> };

/**
 * Cancels the event and every live booking on it, raises SEQUENCE, and tells everyone booked,
 * waiting or offered; confirmed places get a calendar CANCEL for every session.
 */
export async function cancelEvent(
	event: Event,
	why: string,
	actorUserId: number,
	now = new Date()
): Promise<CancelEventOutcome> {
	if (!why) return { ok: false, errors: { reason: 'Enter the reason attendees will be told' } };
	if (why.length > 500)
		return { ok: false, errors: { reason: 'Reason must be 500 characters or fewer' } };
	// A booking or an edit that lands between the read and the write makes the write change
	// nothing; it is tried again on a fresh read, so nobody booked is left untold.
	let current: Event | undefined = event;
	for (let attempt = 0; attempt < 3 && current; attempt++) {
		if (current.status === 'cancelled') return { ok: true };
		if (current.status === 'draft') {
			return {
				ok: false,
				errors: {
					reason: 'This event is a draft that nobody can see or book, so there is nothing to cancel'
				}
			};
		}
		if (await writeCancellation(current, why, actorUserId, now)) {
			wakeEmailWorker();
			return { ok: true };
		}
		[current] = await db.select().from(table.events).where(eq(table.events.id, event.id));
	}
	return {
		ok: false,
		errors: { reason: 'Bookings changed while the event was being cancelled. Please try again.' }
	};
}

async function writeCancellation(event: Event, why: string, actorUserId: number, now: Date) {
	const sessions = await sessionsOfEvent(event.id);
	const bookings = await liveBookingsWithMembers(event.id, ['confirmed', 'waitlisted', 'offered']);
	const sequence = event.sequence + 1;
	const cancelled: Event = { ...event, status: 'cancelled', cancelledReason: why, sequence };
	const seen = bookings.map(({ booking }) => `${booking.uid}:${booking.status}`);
	const liveBookingsAsRead = sql`not exists (select 1 from bookings b where b.event_id = ${event.id}
		and b.status in ('confirmed', 'waitlisted', 'offered')
		${seen.length ? sql`and b.uid || ':' || b.status not in (${sql.join(seen, sql`, `)})` : sql``})`;
	const done = sql`exists (select 1 from events where id = ${event.id} and status = 'cancelled' and updated_at = ${now.getTime()})`;
	const entrantEmails = await ballotCancellationWrites(cancelled, sessions, why, done, now);
	const [changed] = await db.batch([
		db
			.update(table.events)
			.set({ status: 'cancelled', cancelledReason: why, sequence, updatedAt: now })
			.where(
				and(
					eq(table.events.id, event.id),
					eq(table.events.sequence, event.sequence),
					liveBookingsAsRead
				)
			)
			.returning({ id: table.events.id }),
		db
			.update(table.bookings)
			.set({ status: 'cancelled', cancelledAt: now, statusChangedAt: now })
			.where(
				and(
					eq(table.bookings.eventId, event.id),
					inArray(table.bookings.status, ['confirmed', 'waitlisted', 'offered']),
					done
				)
			),
		...bookings.flatMap(({ booking, member }) =>
			eventCancelledEmails(
				{
					config,
					event: cancelled,
					sessions,
					member: { email: member.email, name: member.name },
					bookingUid: booking.uid
				},
				why,
				booking.status
			).map((email) => queueEmailIf(db, email, done, { now }))
		),
		...entrantEmails,
		auditInsertWhen(
			db,
			done,
			{
				actorUserId,
				action: 'event.cancelled',
				subjectType: 'event',
				subjectId: event.slug,
				detail: { reason: why, bookings: bookings.length }
			},
			now
		)
	]);
	return changed.length === 1;
}
