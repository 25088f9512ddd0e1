// Choosing how an event's places are given, and reading the ballot behind an event. The choice
// is one guarded batch: the mode cannot change once anyone has entered or booked, priority is
// fixed once entries open, and nothing changes after the draw. Saving also moves the event's
// updated_at, so a booking that read the event before the switch to a ballot is not written
// (the booking writer checks it) and is tried again against the ballot.
import { and, count, eq, ne, sql, type SQL } from 'drizzle-orm';
import { auditInsertWhen } from '../audit.ts';
import { db, table } from '../db/index.ts';
import type { Event, EventBallot } from '../db/schema/index.ts';
import type { AllocationChoice, AllocationErrors } from './allocation-form.ts';
import { commitmentOf, newDrawSeed } from './draw.ts';

export async function findEventBallot(eventId: number): Promise<EventBallot | null> {
	const [ballot] = await db
		.select()
		.from(table.eventBallots)
		.where(eq(table.eventBallots.eventId, eventId));
	return ballot ?? null;
}

/** Entries (withdrawn ones too) and bookings of any status ever made on the event. */
export async function countEntriesAndBookings(eventId: number) {
	const [[entries], [bookings]] = await db.batch([
		db
			.select({ n: count() })
			.from(table.ballotEntries)
			.where(eq(table.ballotEntries.eventId, eventId)),
		db.select({ n: count() }).from(table.bookings).where(eq(table.bookings.eventId, eventId))
	]);
	return { entries: entries.n, bookings: bookings.n };
}

export type AllocationOutcome = { ok: true } | { ok: false; errors: AllocationErrors };

function refusal(
	event: Event,
	ballot: EventBallot | null,
	choice: AllocationChoice,
	used: { entries: number; bookings: number },
	now: Date
): AllocationErrors | null {
	if (event.status === 'cancelled') return { allocation: 'This event has been cancelled' };
	if (ballot?.drawnAt)
		return { allocation: 'The draw has happened, so how places are given can no longer change' };
	if (choice.mode !== event.allocation && (used.entries > 0 || used.bookings > 0)) {
		const what = used.entries > 0 ? 'members have entered the ballot' : 'people have booked';
		return { allocation: `How places are given cannot change now: ${what}` };
	}
	if (choice.mode === 'ballot' && ballot) {
		const opened = used.entries > 0 || now >= ballot.entriesOpenAt;
		if (opened && choice.priority !== ballot.priority)
			return { allocation: 'Priority is set before entries open and cannot change now' };
	}
	return null;
}

/** The ballot row the choice needs (a first ballot gets its seed), written only if `saved`. */
function ballotWrite(event: Event, choice: AllocationChoice, seed: string, saved: SQL, now: Date) {
	if (choice.mode !== 'ballot')
		return db.run(sql`delete from event_ballots where event_id = ${event.id} and ${saved}`);
	return db.run(sql`insert into event_ballots
			(event_id, entries_open_at, entries_close_at, draw_at, priority, seed, commitment, updated_at)
			select ${event.id}, ${choice.entriesOpenAt.getTime()}, ${choice.entriesCloseAt.getTime()},
				${choice.drawAt.getTime()}, ${choice.priority ? 1 : 0}, ${seed}, ${commitmentOf(seed)}, ${now.getTime()}
			where ${saved}
			on conflict (event_id) do update set entries_open_at = excluded.entries_open_at,
				entries_close_at = excluded.entries_close_at, draw_at = excluded.draw_at,
				priority = excluded.priority, updated_at = excluded.updated_at
			where event_ballots.drawn_at is null`);
}

function allocationAudit(event: Event, choice: AllocationChoice, actorUserId: number) {
	return {
		actorUserId,
		action: 'event.allocation-set',
		subjectType: 'event',
		subjectId: event.slug,
		detail:
			choice.mode === 'ballot'
				? {
						allocation: 'ballot',
						entriesOpenAt: choice.entriesOpenAt.toISOString(),
						entriesCloseAt: choice.entriesCloseAt.toISOString(),
						drawAt: choice.drawAt.toISOString(),
						priority: choice.priority
					}
				: { allocation: 'first-come' }
	};
}

/** Saves the organiser's choice; a ballot gets its secret seed and commitment the first time. */
export async function saveAllocation(
	event: Event,
	choice: AllocationChoice,
	actorUserId: number,
	now = new Date()
): Promise<AllocationOutcome> {
	const ballot = await findEventBallot(event.id);
	const used = await countEntriesAndBookings(event.id);
	const refused = refusal(event, ballot, choice, used, now);
	if (refused) return { ok: false, errors: refused };

	const unused = sql`not exists (select 1 from ballot_entries where event_id = ${event.id})
		and not exists (select 1 from bookings where event_id = ${event.id})`;
	const saved = sql`exists (select 1 from events where id = ${event.id} and updated_at = ${now.getTime()})`;
	const [changed] = await db.batch([
		db
			.update(table.events)
			.set({ allocation: choice.mode, updatedAt: now })
			.where(
				and(
					eq(table.events.id, event.id),
					ne(table.events.status, 'cancelled'),
					choice.mode === event.allocation ? sql`1 = 1` : unused,
					sql`not exists (select 1 from event_ballots where event_id = ${event.id} and drawn_at is not null)`
				)
			)
			.returning({ id: table.events.id }),
		ballotWrite(event, choice, ballot?.seed ?? newDrawSeed(), saved, now),
		auditInsertWhen(db, saved, allocationAudit(event, choice, actorUserId), now)
	]);
	if (changed.length === 0)
		return {
			ok: false,
			errors: {
				allocation: 'Entries, bookings or the draw changed meanwhile. Check and save again.'
			}
		};
	return { ok: true };
}
