// Until its draw has run, a ballot event's places are given only by the draw: nobody books one
// directly, organisers included (they may not pick winners). After the draw the event books as
// any other: spare places first come, first served, then the waiting list.
import { and, eq, isNotNull } from 'drizzle-orm';
import { db, table } from '../db/index.ts';

export const BALLOT_NOT_DRAWN =
	'Places on this event are given by ballot. Enter the ballot on the event page; places are drawn after entries close.';

/** Why booking must wait for the draw, or null once the draw has run. */
export async function ballotBookingRefusal(eventId: number): Promise<string | null> {
	const [drawn] = await db
		.select({ eventId: table.eventBallots.eventId })
		.from(table.eventBallots)
		.where(and(eq(table.eventBallots.eventId, eventId), isNotNull(table.eventBallots.drawnAt)));
	return drawn ? null : BALLOT_NOT_DRAWN;
}
