// Committing a draw: one atomic batch that claims the draw (a conditional UPDATE that only one
// process can win), writes the winners' confirmed bookings and the waiting list in drawn order,
// marks every entry, queues every email and records the audit entry. Every statement after the
// claim runs only if this batch's own claim holds, so two processes drawing at once produce one
// draw and one set of emails, and a plan read before a withdrawal or a capacity change is not
// committed at all.
import { sql, type SQL } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { auditInsertWhen } from '../audit.ts';
import { newBookingUid } from '../bookings/booking-uid.ts';
import { placeConfirmedEmails } from '../bookings/confirmation-email.ts';
import { lastWaitingPositionSql, placesTakenSql, waitingSql } from '../bookings/places.ts';
import { config } from '../config.ts';
import { db } from '../db/index.ts';
import type { DrawSummary } from '../db/schema/index.ts';
import type { OutgoingEmail } from '../email/message.ts';
import { queueTaggedEmailsIf } from '../email/outbox.ts';
import { drawnToWaitingListEmails, leftOutOfDrawEmail } from './ballot-emails.ts';
import { entriesFingerprintSql, type DrawPlan, type PlannedEntry } from './draw-plan.ts';

/** Emails per statement: keeps each far inside SQLite's limit on bound values. */
const EMAILS_PER_STATEMENT = 100;

const inChunks = <T>(items: T[], size: number) =>
	Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
		items.slice(i * size, (i + 1) * size)
	);

type Decided = {
	entry: PlannedEntry;
	status: 'won' | 'waitlisted' | 'ineligible';
	uid: string | null;
	/** Waiting-list number as written, and as the member is told (nobody waits before a draw). */
	position: number | null;
	/** Why an ineligible entry was left out. */
	why: string | null;
	emails: OutgoingEmail[];
};

function decide(plan: DrawPlan): Decided[] {
	const { event, sessions, ballot, allocation, seen } = plan;
	const context = (entry: PlannedEntry, uid: string) => ({
		config,
		event,
		sessions,
		member: entry.member,
		bookingUid: uid,
		booking: { guests: entry.guests, answers: entry.answers },
		ballot
	});
	const won = allocation.winners.map((entry) => {
		const uid = newBookingUid();
		const emails = placeConfirmedEmails(
			context(entry, uid),
			'Your entry was drawn: you have a place'
		);
		return { entry, status: 'won' as const, uid, position: null, why: null, emails };
	});
	const waitingListEmail = drawnToWaitingListEmails({ config, event, sessions, ballot });
	const waiting = allocation.waiting.map((entry, i) => {
		const uid = newBookingUid();
		const told = {
			number: entry.number,
			position: seen.waiting + i + 1,
			passedOver: i < allocation.passedOver,
			bookingUid: uid
		};
		const email = waitingListEmail(entry.member, told);
		return {
			entry,
			status: 'waitlisted' as const,
			uid,
			position: seen.lastPosition + i + 1,
			why: null,
			emails: [email]
		};
	});
	const left = plan.ineligible.map((entry) => ({
		entry,
		status: 'ineligible' as const,
		uid: null,
		position: null,
		why: entry.why,
		emails: entry.deleted
			? []
			: [leftOutOfDrawEmail(context(entry, ''), { number: entry.number, why: entry.why })]
	}));
	return [...won, ...waiting, ...left];
}

function claimStatement(plan: DrawPlan, claim: string, actorUserId: number | null, now: Date) {
	const { event, ballot, allocation, seen } = plan;
	const order = allocation.order.map((e) => ({ number: e.number, priority: e.priority }));
	const summary: DrawSummary = {
		winners: allocation.winners.length,
		waiting: allocation.waiting.length,
		ineligible: plan.ineligible.length
	};
	return db.all(sql`update event_ballots set drawn_at = ${now.getTime()}, draw_claim = ${claim},
			drawn_order = ${JSON.stringify(order)}, draw_summary = ${JSON.stringify(summary)},
			drawn_by = ${actorUserId}, updated_at = ${now.getTime()}
		where event_id = ${event.id} and drawn_at is null and seed = ${ballot.seed}
		and exists (select 1 from events where id = ${event.id} and status = 'published'
			and allocation = 'ballot' and updated_at = ${event.updatedAt.getTime()})
		and ${entriesFingerprintSql(event.id)} = ${seen.entries}
		and ${placesTakenSql(event.id)} = ${seen.taken}
		and ${waitingSql(event.id)} = ${seen.waiting}
		and ${lastWaitingPositionSql(event.id)} = ${seen.lastPosition}
		returning event_id`);
}

/**
 * All the draw's bookings in one statement: the rows travel as one JSON array that SQLite reads
 * with json_each, rather than as thousands of bound values.
 */
function bookingInsert(plan: DrawPlan, decided: Decided[], claimed: SQL, now: Date) {
	const rows = decided
		.filter((d) => d.uid !== null)
		.map((d) => [
			d.uid,
			d.entry.userId,
			d.status === 'won' ? 'confirmed' : 'waitlisted',
			d.position,
			JSON.stringify(d.entry.answers ?? {}),
			d.entry.guests
		]);
	return db.run(sql`insert into bookings
		(uid, event_id, user_id, status, waitlist_position, answers, guests, created_at, status_changed_at)
		select d.value ->> 0, ${plan.event.id}, d.value ->> 1, d.value ->> 2, d.value ->> 3,
			d.value ->> 4, d.value ->> 5, ${now.getTime()}, ${now.getTime()}
		from json_each(${JSON.stringify(rows)}) d where ${claimed}
		order by d.key
		on conflict do nothing`);
}

/** Every entry marked with what the draw decided, in one statement read the same way. */
function entryUpdate(decided: Decided[], claimed: SQL, now: Date) {
	const rows = decided.map((d) => [d.entry.id, d.status, d.uid, d.entry.priority ? 1 : 0, d.why]);
	return db.run(sql`with d (id, status, uid, priority, why) as (
			select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4
			from json_each(${JSON.stringify(rows)}))
		update ballot_entries set status = d.status, booking_uid = d.uid, priority = d.priority,
			ineligible_reason = d.why, answers = null, status_changed_at = ${now.getTime()}
		from d where ballot_entries.id = d.id and ballot_entries.status = 'entered' and ${claimed}`);
}

/**
 * Writes the plan if its claim wins; true when this call made the draw. Entries' answers (access
 * and dietary needs among them) move to the bookings made and are not kept twice.
 */
export async function writeDraw(plan: DrawPlan, actorUserId: number | null, now: Date) {
	const claim = randomBytes(16).toString('hex');
	const claimed = sql`exists (select 1 from event_ballots where event_id = ${plan.event.id} and draw_claim = ${claim})`;
	const decided = decide(plan);
	const emails = decided.flatMap((d) =>
		d.emails.map((email) => ({ email, tag: claim, state: d.status, now }))
	);
	const [won] = await db.batch([
		claimStatement(plan, claim, actorUserId, now),
		bookingInsert(plan, decided, claimed, now),
		entryUpdate(decided, claimed, now),
		...inChunks(emails, EMAILS_PER_STATEMENT).map((chunk) =>
			queueTaggedEmailsIf(db, chunk, () => claimed)
		),
		auditInsertWhen(
			db,
			claimed,
			{
				actorUserId,
				action: 'ballot.drawn',
				subjectType: 'event',
				subjectId: plan.event.slug,
				detail: {
					by: actorUserId === null ? 'schedule' : 'organiser',
					commitment: plan.ballot.commitment,
					winners: plan.allocation.winners.length,
					waiting: plan.allocation.waiting.length,
					ineligible: plan.ineligible.length
				}
			},
			now
		)
	]);
	return (won as unknown[]).length === 1;
}
