// Storing an event's own booking questions: adding, changing, hiding and ordering them. Each
// change is audit-logged in the same batch. Answers are never touched here: they sit on the
// bookings under the wording the member saw.
import { and, asc, eq, sql } from 'drizzle-orm';
import { auditInsert } from '../audit.ts';
import { db, table } from '../db/index.ts';
import type { BookingQuestion } from '../db/schema/index.ts';
import type { QuestionDraft } from './question-form.ts';

const q = table.bookingQuestions;

/** The event's questions in the order members see them; `askedOnly` leaves out hidden ones. */
export async function listEventQuestions(
	eventId: number,
	options: { askedOnly?: boolean } = {}
): Promise<BookingQuestion[]> {
	return db
		.select()
		.from(q)
		.where(and(eq(q.eventId, eventId), options.askedOnly ? eq(q.hidden, false) : undefined))
		.orderBy(asc(q.position), asc(q.id));
}

/** How many bookings hold an answer to each of the event's questions, by question id. */
export async function countAnswers(eventId: number) {
	const rows = await db.all<{ questionId: number; n: number }>(sql`
		select json_extract(a.value, '$.questionId') as questionId, count(*) as n
		from bookings b, json_each(b.answers, '$.questions') a
		where b.event_id = ${eventId} and b.answers is not null
		group by questionId`);
	return new Map(rows.map((r) => [Number(r.questionId), Number(r.n)]));
}

export type QuestionChange = { ok: true; question: string } | { ok: false; reason: string };

export async function addQuestion(
	eventId: number,
	draft: QuestionDraft,
	actorUserId: number,
	now = new Date()
): Promise<QuestionChange> {
	const [{ last }] = await db
		.select({ last: sql<number | null>`max(${q.position})` })
		.from(q)
		.where(eq(q.eventId, eventId));
	await db.batch([
		db.insert(q).values({
			eventId,
			...draft,
			position: (last ?? 0) + 1,
			createdAt: now,
			updatedAt: now
		}),
		auditInsert(
			db,
			{
				actorUserId,
				action: 'event.question-added',
				subjectType: 'event',
				subjectId: eventId,
				detail: { question: draft.wording }
			},
			now
		)
	]);
	return { ok: true, question: draft.wording };
}

async function findQuestion(eventId: number, questionId: number) {
	const [found] = await db
		.select()
		.from(q)
		.where(and(eq(q.eventId, eventId), eq(q.id, questionId)));
	return found ?? null;
}

const NOT_FOUND = { ok: false, reason: 'That question is not on this event.' } as const;

/** Changes wording, hint, choices and flags; the kind of answer stays as it was first asked. */
export async function changeQuestion(
	eventId: number,
	questionId: number,
	draft: QuestionDraft,
	actorUserId: number,
	now = new Date()
): Promise<QuestionChange> {
	const found = await findQuestion(eventId, questionId);
	if (!found) return NOT_FOUND;
	if (found.type !== draft.type)
		return { ok: false, reason: 'The kind of answer cannot change once a question is added.' };
	await db.batch([
		db
			.update(q)
			.set({
				wording: draft.wording,
				hint: draft.hint,
				options: draft.options,
				required: draft.required,
				sensitive: draft.sensitive,
				updatedAt: now
			})
			.where(eq(q.id, questionId)),
		auditInsert(
			db,
			{
				actorUserId,
				action: 'event.question-changed',
				subjectType: 'event',
				subjectId: eventId,
				detail: { question: draft.wording, was: found.wording }
			},
			now
		)
	]);
	return { ok: true, question: draft.wording };
}

/** Stops asking a question (or asks it again); answers already given stay. */
export async function setQuestionHidden(
	eventId: number,
	questionId: number,
	hidden: boolean,
	actorUserId: number,
	now = new Date()
): Promise<QuestionChange> {
	const found = await findQuestion(eventId, questionId);
	if (!found) return NOT_FOUND;
	await db.batch([
		db.update(q).set({ hidden, updatedAt: now }).where(eq(q.id, questionId)),
		auditInsert(
			db,
			{
				actorUserId,
				action: hidden ? 'event.question-hidden' : 'event.question-shown',
				subjectType: 'event',
				subjectId: eventId,
				detail: { question: found.wording }
			},
			now
		)
	]);
	return { ok: true, question: found.wording };
}

/** Swaps a question with its neighbour above or below. */
export async function moveQuestion(
	eventId: number,
	questionId: number,
	direction: 'up' | 'down',
	now = new Date()
): Promise<QuestionChange> {
	const all = await listEventQuestions(eventId);
	const at = all.findIndex((x) => x.id === questionId);
	if (at < 0) return NOT_FOUND;
	const other = all[direction === 'up' ? at - 1 : at + 1];
	if (!other) return { ok: true, question: all[at].wording };
	// Positions may tie after concurrent adds; renumbering from the list keeps the swap exact.
	const order = all.map((x) => x.id);
	[order[at], order[order.indexOf(other.id)]] = [other.id, questionId];
	const positions = sql.join(
		order.map((id, i) => sql`when ${id} then ${i + 1}`),
		sql` `
	);
	await db.run(sql`update booking_questions set position = case id ${positions} else position end,
		updated_at = ${now.getTime()} where event_id = ${eventId}`);
	return { ok: true, question: all[at].wording };
}
