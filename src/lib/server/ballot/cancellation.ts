// An event cancelled before its draw: nothing is drawn (the draw only runs on a published
// event), everyone with an entry still in the draw is told, and the answers held on the entries
// (access and dietary needs, answers to the organiser's questions) are erased, all in the
// cancellation's own batch: with no draw they never become a booking's, so nothing needs them.
import { and, eq, sql } from 'drizzle-orm';
import { config } from '../config.ts';
import { db, table } from '../db/index.ts';
import type { Event, EventSession } from '../db/schema/index.ts';
import { queueEmailIf } from '../email/outbox.ts';
import type { SQL } from 'drizzle-orm';
import { findEventBallot } from './allocation.ts';
import { ballotCancelledEmail } from './ballot-emails.ts';

/** The writes telling entrants and erasing their answers, each guarded by `done` (cancelled). */
export async function ballotCancellationWrites(
	event: Event,
	sessions: EventSession[],
	why: string,
	done: SQL,
	now: Date
) {
	if (event.allocation !== 'ballot') return [];
	const ballot = await findEventBallot(event.id);
	if (!ballot || ballot.drawnAt) return [];
	const entrants = await db
		.select({ number: table.ballotEntries.entryNumber, member: table.users })
		.from(table.ballotEntries)
		.innerJoin(table.users, eq(table.users.id, table.ballotEntries.userId))
		.where(
			and(eq(table.ballotEntries.eventId, event.id), eq(table.ballotEntries.status, 'entered'))
		);
	return [
		...entrants.map(({ number, member }) =>
			queueEmailIf(
				db,
				ballotCancelledEmail(
					{ config, event, sessions, member: { email: member.email, name: member.name }, ballot },
					number,
					why
				),
				done,
				{ now }
			)
		),
		db
			.update(table.ballotEntries)
			.set({ answers: null })
			.where(and(eq(table.ballotEntries.eventId, event.id), sql`${done}`))
	];
}
