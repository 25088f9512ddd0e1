// Entering and leaving a ballot. The same rules decide who may enter as who may book (standing,
// members only, booking window), with the same questions and guests. Each write is one guarded
// batch holding the entry and its email: an entry lands only while the window is open and the
// draw has not run, a withdrawal only before the close, so an entry racing the close is either
// in the draw or refused, never half of each.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AnswerInput } from '../bookings/answers.ts';
import { readEventAnswers } from '../bookings/event-answers.ts';
import { loadBookingContext } from '../bookings/booking-context.ts';
import { decideBooking } from '../bookings/eligibility.ts';
import { config } from '../config.ts';
import { db, table } from '../db/index.ts';
import type { BallotEntry, BookingAnswers, EventBallot } from '../db/schema/index.ts';
import type { OutgoingEmail } from '../email/message.ts';
import { queueEmailIf } from '../email/outbox.ts';
import { wakeEmailWorker } from '../email/worker.ts';
import { findEventBallot } from './allocation.ts';
import {
	ENTRY_NUMBER_PLACEHOLDER,
	entryConfirmedEmail,
	entryWithdrawnEmail
} from './ballot-emails.ts';

export type BallotPhase = 'not-open' | 'open' | 'closed' | 'drawn';

export function ballotPhase(
	ballot: Pick<EventBallot, 'entriesOpenAt' | 'entriesCloseAt' | 'drawnAt'>,
	now: Date
): BallotPhase {
	if (ballot.drawnAt) return 'drawn';
	if (now < ballot.entriesOpenAt) return 'not-open';
	if (now < ballot.entriesCloseAt) return 'open';
	return 'closed';
}

/** The member's entry that still counts (anything but withdrawn), if any. */
export async function findLiveEntry(eventId: number, userId: number): Promise<BallotEntry | null> {
	const [entry] = await db
		.select()
		.from(table.ballotEntries)
		.where(
			and(
				eq(table.ballotEntries.eventId, eventId),
				eq(table.ballotEntries.userId, userId),
				inArray(table.ballotEntries.status, ['entered', 'won', 'waitlisted', 'ineligible'])
			)
		);
	return entry ?? null;
}

/** SQL: the ballot takes entries and withdrawals at `now`. */
const windowOpen = (eventId: number, now: Date) =>
	sql`exists (select 1 from event_ballots b join events e on e.id = b.event_id
		where b.event_id = ${eventId} and b.drawn_at is null and e.status = 'published'
		and e.allocation = 'ballot' and b.entries_open_at <= ${now.getTime()}
		and b.entries_close_at > ${now.getTime()})`;

export type EntryOutcome =
	| { ok: true; entry: BallotEntry }
	| {
			ok: false;
			status: number;
			reason?: string;
			errors?: Record<string, string>;
			fix?: { label: string; href: string };
	  };

/** The entry, numbered next, and its email with the number filled in: only while open. */
async function writeEntry(
	eventId: number,
	userId: number,
	entry: { guests: number; answers: BookingAnswers },
	email: OutgoingEmail,
	now: Date
) {
	const mine = sql`exists (select 1 from ballot_entries where event_id = ${eventId}
		and user_id = ${userId} and status = 'entered' and created_at = ${now.getTime()})`;
	const [inserted] = await db.batch([
		db.run(sql`insert into ballot_entries
			(event_id, user_id, entry_number, guests, answers, status, created_at, status_changed_at)
			select ${eventId}, ${userId}, next.n, ${entry.guests}, ${JSON.stringify(entry.answers)},
				'entered', ${now.getTime()}, ${now.getTime()}
			from (select coalesce(max(entry_number), 0) + 1 as n from ballot_entries where event_id = ${eventId}) next
			where ${windowOpen(eventId, now)}
			on conflict do nothing`),
		queueEmailIf(db, email, mine, {
			now,
			fill: {
				placeholder: ENTRY_NUMBER_PLACEHOLDER,
				value: sql`(select cast(entry_number as text) from ballot_entries where event_id = ${eventId} and user_id = ${userId} and status = 'entered')`
			}
		})
	]);
	return inserted;
}

export async function enterBallot(
	eventId: number,
	userId: number,
	input: AnswerInput,
	now = new Date(),
	/** Every value posted under each organiser question's field name. */
	questionInput: Record<string, string[]> = {}
): Promise<EntryOutcome> {
	const context = await loadBookingContext(eventId, userId, now, { freshEvent: true });
	const ballot = await findEventBallot(eventId);
	if (!context || !ballot || context.event.allocation !== 'ballot' || !context.sessions.length)
		return { ok: false, status: 404, reason: 'This event has no ballot.' };
	const { event, sessions, member, standing } = context;
	const phase = ballotPhase(ballot, now);
	if (phase !== 'open')
		return {
			ok: false,
			status: 403,
			reason: phase === 'not-open' ? 'Entries have not opened yet.' : 'Entries have closed.'
		};
	const decision = decideBooking(
		event,
		sessions[0].startsAt,
		{ emailVerified: Boolean(member.emailVerifiedAt), standing },
		now
	);
	if (!decision.allowed)
		return { ok: false, status: 403, reason: decision.reason, fix: decision.fix };
	const read = await readEventAnswers(event, input, questionInput);
	if (!read.ok) return { ok: false, status: 400, errors: read.errors };
	const { answers, guests } = read;

	const email = entryConfirmedEmail(
		{ config, event, sessions, member: { email: member.email, name: member.name }, ballot },
		`${eventId}/${userId}/${now.getTime()}`
	);
	const inserted = await writeEntry(eventId, userId, { guests, answers }, email, now);
	const entry = await findLiveEntry(eventId, userId);
	if (inserted.rowsAffected === 0 || !entry) {
		if (entry) return { ok: false, status: 409, reason: 'You have already entered this ballot.' };
		return { ok: false, status: 403, reason: 'Entries have closed.' };
	}
	wakeEmailWorker();
	return { ok: true, entry };
}

export type WithdrawOutcome = { ok: true; entryNumber: number } | { ok: false; reason: string };

/** Withdraws the member's entry; refused from the moment entries close. */
export async function withdrawEntry(
	eventId: number,
	userId: number,
	now = new Date()
): Promise<WithdrawOutcome> {
	const context = await loadBookingContext(eventId, userId, now);
	const ballot = await findEventBallot(eventId);
	const entry = await findLiveEntry(eventId, userId);
	if (!context || !ballot || !entry || entry.status !== 'entered')
		return { ok: false, reason: 'You have no ballot entry to withdraw.' };
	const { event, sessions, member } = context;
	const email = entryWithdrawnEmail(
		{ config, event, sessions, member: { email: member.email, name: member.name }, ballot },
		entry.entryNumber
	);
	const done = sql`exists (select 1 from ballot_entries where id = ${entry.id} and status = 'withdrawn' and status_changed_at = ${now.getTime()})`;
	const [changed] = await db.batch([
		db
			.update(table.ballotEntries)
			.set({ status: 'withdrawn', answers: null, statusChangedAt: now })
			.where(
				and(
					eq(table.ballotEntries.id, entry.id),
					eq(table.ballotEntries.status, 'entered'),
					windowOpen(eventId, now)
				)
			)
			.returning({ id: table.ballotEntries.id }),
		queueEmailIf(db, email, done, { now })
	]);
	if (changed.length === 0)
		return { ok: false, reason: 'Entries have closed, so your entry can no longer be withdrawn.' };
	wakeEmailWorker();
	return { ok: true, entryNumber: entry.entryNumber };
}
