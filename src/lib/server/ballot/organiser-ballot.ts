// What the organiser's event page shows and does about allocation: the form as saved, how the
// ballot stands (entries so far, the draw), and "Run the draw now".
import { and, count, eq } from 'drizzle-orm';
import { db, table } from '../db/index.ts';
import type { Event } from '../db/schema/index.ts';
import { allocationFormValues } from './allocation-form.ts';
import { findEventBallot } from './allocation.ts';
import { ballotPhase } from './entries.ts';

export async function organiserBallotView(event: Event, now = new Date()) {
	const ballot = await findEventBallot(event.id);
	const [{ entered }] = await db
		.select({ entered: count() })
		.from(table.ballotEntries)
		.where(
			and(eq(table.ballotEntries.eventId, event.id), eq(table.ballotEntries.status, 'entered'))
		);
	return {
		values: allocationFormValues(event, ballot),
		ballot:
			event.allocation === 'ballot' && ballot
				? {
						phase: ballotPhase(ballot, now),
						entered,
						drawAt: ballot.drawAt,
						drawnAt: ballot.drawnAt,
						summary: ballot.drawSummary
					}
				: null
	};
}
