// The welfare queue: each submitted application with what needs a look, worked out from its
// answers, the round's rules, the membership list, evidence and other applications. The rules run
// once per page over the whole round (queue-entries.ts); only the page's own rows are then read
// in full, so a winter of 2,000 applications stays quick on every page and every sort.
import { sql } from 'drizzle-orm';
import { db as defaultDb } from '../db/index.ts';
import { readQueueEntries } from './queue-entries-cache.ts';
import type { QueueEntry } from './queue-entries.ts';
import { arrangeQueue, countQueue, type QueueQuery } from './queue-order.ts';

export type { QueueQuery } from './queue-order.ts';

export const QUEUE_PAGE_SIZE = 50;

type Detail = {
	id: number;
	reference: string;
	awardPence: number | null;
	assisted: number;
	applicantName: string;
	reservePosition: number | null;
};

/** What the queue shows of these applications beyond their entries: names, references, awards. */
async function readDetails(ids: number[], db = defaultDb) {
	if (!ids.length) return new Map<number, Detail>();
	const rows = await db.all<Detail>(sql`select a.id, a.reference, a.award_pence as awardPence,
		a.assisted_by is not null as assisted, u.name as applicantName,
		d.reserve_position as reservePosition
	from grant_applications a
	join users u on u.id = a.user_id
	left join grant_draw_places d on d.application_id = a.id
	where a.id in (${sql.join(
		ids.map((id) => sql`${id}`),
		sql`, `
	)})`);
	return new Map(rows.map((row) => [Number(row.id), row]));
}

function toQueueRow(entry: QueueEntry, details: Map<number, Detail>) {
	const detail = details.get(entry.id)!;
	return {
		id: entry.id,
		reference: detail.reference,
		status: entry.status,
		applicantName: detail.applicantName,
		awardPence: detail.awardPence,
		submittedAt: entry.submittedAt === null ? null : new Date(entry.submittedAt),
		assisted: Boolean(detail.assisted),
		firstTime: entry.firstTime,
		prepayment: entry.prepayment,
		householdOf: entry.householdOf,
		householdRef:
			entry.householdOf === null ? null : (details.get(entry.householdOf)?.reference ?? null),
		drawPosition: entry.drawPosition,
		reservePosition: detail.reservePosition === null ? null : Number(detail.reservePosition),
		flags: entry.flags
	};
}

export type QueueRow = ReturnType<typeof toQueueRow>;

/** These entries as queue rows, reading their details (and their households' references). */
async function toQueueRows(entries: QueueEntry[], db = defaultDb) {
	const ids = entries.flatMap((e) => (e.householdOf === null ? [e.id] : [e.id, e.householdOf]));
	const details = await readDetails([...new Set(ids)], db);
	return entries.map((entry) => toQueueRow(entry, details));
}

/** One page of the queue, the total matching, and counts by status and by flag for the filters. */
export async function listWelfareQueue(roundId: number, query: QueueQuery, db = defaultDb) {
	const entries = await readQueueEntries(roundId, db);
	const shown = arrangeQueue(entries, query);
	const offset = (Math.max(1, query.page) - 1) * QUEUE_PAGE_SIZE;
	const rows = await toQueueRows(shown.slice(offset, offset + QUEUE_PAGE_SIZE), db);
	const counts: Record<string, number> = { ...countQueue(entries), matching: shown.length };
	return { rows, counts, matching: shown.length };
}

/** The application's own row, and the ones before and after it in the queue as filtered. */
export async function queueNeighbours(
	roundId: number,
	applicationId: number,
	query: Omit<QueueQuery, 'page'>,
	db = defaultDb
) {
	const entries = await readQueueEntries(roundId, db);
	const shown = arrangeQueue(entries, query);
	const at = shown.findIndex((entry) => entry.id === applicationId);
	// Outside the filter (it was decided since, say): its flags still show, without neighbours.
	const entry = at === -1 ? entries.find((e) => e.id === applicationId) : shown[at];
	if (!entry) return null;
	const [row] = await toQueueRows([entry], db);
	return {
		row,
		previousId: at > 0 ? shown[at - 1].id : null,
		nextId: at !== -1 && at < shown.length - 1 ? shown[at + 1].id : null
	};
}
