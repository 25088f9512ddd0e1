// Reading the dated sessions of events, in date order.
import { asc, eq, inArray } from 'drizzle-orm';
import { db, table } from '../db/index.ts';
import type { EventSession } from '../db/schema/index.ts';

/** Every session of these events, grouped by event and in date order. */
export async function sessionsOfEvents(eventIds: number[]): Promise<Map<number, EventSession[]>> {
	const grouped = new Map<number, EventSession[]>(eventIds.map((id) => [id, []]));
	if (eventIds.length === 0) return grouped;
	const rows = await db
		.select()
		.from(table.eventSessions)
		.where(inArray(table.eventSessions.eventId, eventIds))
		.orderBy(asc(table.eventSessions.startsAt));
	for (const session of rows) grouped.get(session.eventId)?.push(session);
	return grouped;
}

/** One event's sessions in date order, as a query that can also run inside a batch. */
export function sessionsOfEvent(eventId: number) {
	return db
		.select()
		.from(table.eventSessions)
		.where(eq(table.eventSessions.eventId, eventId))
		.orderBy(asc(table.eventSessions.startsAt));
}
