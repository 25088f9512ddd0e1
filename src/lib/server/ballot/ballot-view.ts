// What members and the public see of a ballot: the line on listings and the event page, the
// member's own entry, and the published commitment, seed and order with their check.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { ballotInvitation, drawTimes } from '../../ballot-times.ts';
import { formatDayAndTime } from '../../london-time.ts';
import { decideBooking, type BookingDecision } from '../bookings/eligibility.ts';
import { db, table } from '../db/index.ts';
import type { Event, EventBallot, User } from '../db/schema/index.ts';
import { memberStanding } from '../members/standing.ts';
import { findEventBallot } from './allocation.ts';
import { checkPublishedDraw } from './draw.ts';
import { ballotPhase, findLiveEntry, type BallotPhase } from './entries.ts';

/** The one line a listing or event page shows about a ballot not yet drawn. */
export function ballotLine(
	ballot: Pick<EventBallot, 'entriesOpenAt' | 'entriesCloseAt' | 'drawAt' | 'drawnAt'>,
	now: Date
) {
	const phase = ballotPhase(ballot, now);
	if (phase === 'drawn') return null;
	if (phase === 'not-open')
		return `Places by ballot: entries open ${formatDayAndTime(ballot.entriesOpenAt)} and close ${drawTimes(ballot).closes}.`;
	if (phase === 'open') return ballotInvitation(ballot);
	return `Entries have closed. Places are drawn ${drawTimes(ballot).drawn} and everyone hears by email.`;
}

/** Ballot lines for the listed events that have a ballot still to draw, by slug. */
export async function ballotLinesFor(slugs: string[], now = new Date()) {
	if (slugs.length === 0) return {};
	const rows = await db
		.select({ slug: table.events.slug, ballot: table.eventBallots })
		.from(table.eventBallots)
		.innerJoin(table.events, eq(table.events.id, table.eventBallots.eventId))
		.where(
			and(
				inArray(table.events.slug, slugs),
				eq(table.events.allocation, 'ballot'),
				isNull(table.eventBallots.drawnAt)
			)
		);
	const lines: Record<string, string> = {};
	for (const { slug, ballot } of rows) {
		const line = ballotLine(ballot, now);
		if (line) lines[slug] = line;
	}
	return lines;
}

export type EventBallotView = {
	phase: BallotPhase;
	line: string | null;
	entriesOpenAt: Date;
	entriesCloseAt: Date;
	drawAt: Date;
	priority: boolean;
	commitment: string;
	entry: { number: number; status: string; guests: number; ineligibleReason: string | null } | null;
	/** Whether the signed-in member may enter, and why not; null when signed out. */
	decision: BookingDecision | null;
};

/** The ballot panel of an event page, for the viewer (signed in or not). */
export async function eventBallotView(
	event: Event,
	firstSessionStart: Date | null,
	user: User | null,
	now = new Date()
): Promise<EventBallotView | null> {
	if (event.allocation !== 'ballot') return null;
	const ballot = await findEventBallot(event.id);
	if (!ballot) return null;
	const entry = user ? await findLiveEntry(event.id, user.id) : null;
	const decision =
		user && firstSessionStart
			? decideBooking(
					event,
					firstSessionStart,
					{
						emailVerified: Boolean(user.emailVerifiedAt),
						standing: await memberStanding(user.id, now)
					},
					now
				)
			: null;
	return {
		phase: ballotPhase(ballot, now),
		line: ballotLine(ballot, now),
		entriesOpenAt: ballot.entriesOpenAt,
		entriesCloseAt: ballot.entriesCloseAt,
		drawAt: ballot.drawAt,
		priority: ballot.priority,
		commitment: ballot.commitment,
		entry: entry && {
			number: entry.entryNumber,
			status: entry.status,
			guests: entry.guests,
			ineligibleReason: entry.ineligibleReason
		},
		decision
	};
}

/** The public record of a ballot: the commitment, and after the draw the seed, order and check. */
export async function publishedBallot(slug: string, now = new Date()) {
	const [event] = await db
		.select()
		.from(table.events)
		.where(and(eq(table.events.slug, slug), eq(table.events.allocation, 'ballot')));
	if (!event || event.status === 'draft') return null;
	const ballot = await findEventBallot(event.id);
	if (!ballot) return null;
	const drawn = ballot.drawnAt !== null && ballot.drawnOrder !== null;
	const published = drawn
		? { seed: ballot.seed, commitment: ballot.commitment, order: ballot.drawnOrder! }
		: null;
	return {
		event: { slug: event.slug, title: event.title, status: event.status, capacity: event.capacity },
		phase: ballotPhase(ballot, now),
		entriesOpenAt: ballot.entriesOpenAt,
		entriesCloseAt: ballot.entriesCloseAt,
		drawAt: ballot.drawAt,
		drawnAt: ballot.drawnAt,
		priority: ballot.priority,
		/** Published from the moment entries open. */
		commitment: now >= ballot.entriesOpenAt || drawn ? ballot.commitment : null,
		published,
		summary: ballot.drawSummary,
		check: published ? checkPublishedDraw(published) : null
	};
}

export type PublishedBallot = NonNullable<Awaited<ReturnType<typeof publishedBallot>>>;
