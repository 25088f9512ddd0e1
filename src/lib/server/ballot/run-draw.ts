// Running a ballot's draw: by the background job at the draw time, or by an organiser's "Run the
// draw now" after the close. Whoever runs it, it happens once: the write claims the draw
// atomically, and a plan overtaken by a withdrawal or a change of places is read again.
import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import { db, table } from '../db/index.ts';
import { wakeEmailWorker } from '../email/worker.ts';
import { planDraw } from './draw-plan.ts';
import { writeDraw } from './draw-write.ts';

export type DrawOutcome =
	| { ok: true; winners: number; waiting: number; ineligible: number }
	| { ok: false; reason: string };

const ATTEMPTS = 5;

export async function drawBallot(
	eventId: number,
	actorUserId: number | null,
	now = new Date()
): Promise<DrawOutcome> {
	for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
		const planned = await planDraw(eventId, actorUserId === null ? 'schedule' : 'organiser', now);
		if (!planned.ok) return planned;
		const { plan } = planned;
		if (await writeDraw(plan, actorUserId, now)) {
			wakeEmailWorker();
			return {
				ok: true,
				winners: plan.allocation.winners.length,
				waiting: plan.allocation.waiting.length,
				ineligible: plan.ineligible.length
			};
		}
	}
	return { ok: false, reason: 'Entries or places kept changing during the draw. Try again.' };
}

/** The background job: draws every ballot whose time has come; returns how many it drew. */
export async function drawDueBallots(now = new Date()) {
	const due = await db
		.select({ eventId: table.eventBallots.eventId })
		.from(table.eventBallots)
		.innerJoin(table.events, eq(table.events.id, table.eventBallots.eventId))
		.where(
			and(
				isNull(table.eventBallots.drawnAt),
				lte(table.eventBallots.drawAt, now),
				eq(table.events.status, 'published'),
				eq(table.events.allocation, 'ballot'),
				sql`${table.eventBallots.entriesCloseAt} <= ${now.getTime()}`
			)
		);
	let drawn = 0;
	for (const { eventId } of due) {
		const outcome = await drawBallot(eventId, null, now);
		if (outcome.ok) drawn++;
	}
	return drawn;
}
