// What the organiser desk shows at a glance: each managed event that has not finished, with
// places booked against capacity, the waiting list and how many have arrived.
import { and, asc, eq, gt, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import { placesTakenSql } from '../bookings/places.ts';
import { db, table } from '../db/index.ts';
import type { User } from '../db/schema/index.ts';
import { eventCategories, type EventCategory } from '../../event-categories.ts';
import { isAdmin } from './access.ts';

export type DashboardEvent = {
	id: number;
	title: string;
	slug: string;
	status: 'draft' | 'published' | 'cancelled';
	startsAt: Date;
	capacity: number | null;
	placesTaken: number;
	confirmed: number;
	waiting: number;
	checkedIn: number;
};

const b = table.bookings;
// Written out in full: Drizzle leaves a lone table's columns unqualified, and inside these
// subqueries a bare "id" would mean the booking's id.
const EVENT_ID = sql.raw('"events"."id"');
const countWhere = (condition: ReturnType<typeof sql>) =>
	sql<number>`(select count(*) from bookings b where b.event_id = ${EVENT_ID} and ${condition})`;

export async function listManagedEvents(
	user: Pick<User, 'id' | 'roles'>,
	now = new Date()
): Promise<DashboardEvent[]> {
	const e = table.events;
	const managed = isAdmin(user)
		? undefined
		: sql`exists (select 1 from event_organisers o where o.event_id = ${EVENT_ID} and o.user_id = ${user.id})`;
	const rows = await db
		.select({
			id: e.id,
			title: e.title,
			slug: e.slug,
			status: e.status,
			startsAt: e.startsAt,
			capacity: e.capacity,
			placesTaken: placesTakenSql(EVENT_ID),
			confirmed: countWhere(sql`b.status = 'confirmed'`),
			waiting: countWhere(sql`b.status = 'waitlisted'`),
			checkedIn: countWhere(sql`b.status = 'confirmed' and b.checked_in_at is not null`)
		})
		.from(e)
		.where(and(gt(e.endsAt, now), inArray(e.status, ['draft', 'published']), managed))
		.orderBy(asc(e.startsAt))
		.limit(200);
	return rows.map((r) => ({
		...r,
		placesTaken: Number(r.placesTaken),
		confirmed: Number(r.confirmed),
		waiting: Number(r.waiting),
		checkedIn: Number(r.checkedIn)
	}));
}

export async function countLiveBookings(eventId: number) {
	const [row] = await db
		.select({ n: sql<number>`count(*)` })
		.from(b)
		.where(and(eq(b.eventId, eventId), inArray(b.status, ['confirmed', 'waitlisted', 'offered'])));
	return Number(row.n);
}

export type WaitingDemand = { category: EventCategory; joined: number; events: number };

/**
 * People who joined a waiting list in the last 12 months, per category, for the events this
 * person manages. A booking keeps its waiting-list position after an offer, so those who were
 * later offered a place still count as demand.
 */
export async function waitingListDemand(
	user: Pick<User, 'id' | 'roles'>,
	now = new Date()
): Promise<WaitingDemand[]> {
	const since = new Date(now.getTime() - 365 * 24 * 3_600_000);
	const e = table.events;
	const o = table.eventOrganisers;
	const query = db
		.select({
			category: e.category,
			joined: sql<number>`count(*)`,
			events: sql<number>`count(distinct ${b.eventId})`
		})
		.from(b)
		.innerJoin(e, eq(e.id, b.eventId))
		.where(and(isNotNull(b.waitlistPosition), gte(b.createdAt, since)))
		.groupBy(e.category)
		.$dynamic();
	// A join rather than a filter, so an organiser's figures start from their own events
	// instead of reading every booking the branch has taken in a year.
	const rows = isAdmin(user)
		? await query
		: await query.innerJoin(o, and(eq(o.eventId, b.eventId), eq(o.userId, user.id)));
	return eventCategories.map((category) => {
		const row = rows.find((r) => r.category === category);
		return { category, joined: Number(row?.joined ?? 0), events: Number(row?.events ?? 0) };
	});
}
