// What the organiser desk shows at a glance: each managed event that has not finished, with
// places booked against capacity, the waiting list and how many have arrived; and the
// waiting-list demand of the last 12 months.
import { and, asc, eq, gt, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { placesTakenSql } from '../bookings/places.ts';
import { db, table } from '../db/index.ts';
import type { User } from '../db/schema/index.ts';
import { eventCategories, type EventCategory } from '../../event-categories.ts';
import { fromLondonTime, londonParts } from '../../london-time.ts';
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

export type DemandMonth = { label: string; name: string; start: Date };
export type WaitingDemand = {
	category: EventCategory;
	/** People who joined a waiting list in each month, oldest month first. */
	monthly: number[];
	joined: number;
	events: number;
};
export type WaitingDemandByMonth = { months: DemandMonth[]; categories: WaitingDemand[] };

const MONTH_LABELS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** The current London month and the eleven before it, each with the instant it begins. */
export function lastTwelveMonths(now = new Date()): DemandMonth[] {
	const { year, month } = londonParts(now);
	return Array.from({ length: 12 }, (_, i) => {
		const back = 11 - i;
		const m = (((month - 1 - back) % 12) + 12) % 12;
		const y = year + Math.floor((month - 1 - back) / 12);
		return {
			label: MONTH_LABELS[m],
			name: `${MONTH_LABELS[m]} ${y}`,
			start: fromLondonTime(y, m + 1, 1)
		};
	});
}

/**
 * People who joined a waiting list in each of the last 12 London months, per category, for the
 * events this person manages: the branch's record of unmet need. A booking keeps its
 * waiting-list position after an offer, so those who were later offered a place still count.
 */
export async function waitingListDemand(
	user: Pick<User, 'id' | 'roles'>,
	now = new Date()
): Promise<WaitingDemandByMonth> {
	const months = lastTwelveMonths(now);
	const e = table.events;
	const o = table.eventOrganisers;
	// Month boundaries are London midnights, worked out here so the clock change is right;
	// the database only compares instants.
	const monthIndex = sql<number>`case ${sql.join(
		months.map((m, i) => sql`when ${b.createdAt} >= ${m.start.getTime()} then ${i}`).reverse(),
		sql` `
	)} end`;
	const query = db
		.select({
			category: e.category,
			eventId: b.eventId,
			month: monthIndex,
			joined: sql<number>`count(*)`
		})
		.from(b)
		.innerJoin(e, eq(e.id, b.eventId))
		.where(
			and(isNotNull(b.waitlistPosition), gte(b.createdAt, months[0].start), lte(b.createdAt, now))
		)
		.groupBy(e.category, b.eventId, monthIndex)
		.$dynamic();
	// A join rather than a filter, so an organiser's figures start from their own events
	// instead of reading every booking the branch has taken in a year.
	const rows = isAdmin(user)
		? await query
		: await query.innerJoin(o, and(eq(o.eventId, b.eventId), eq(o.userId, user.id)));
	const categories = eventCategories.map((category) => {
		const mine = rows.filter((r) => r.category === category);
		const monthly = months.map(() => 0);
		for (const r of mine) monthly[Number(r.month)] += Number(r.joined);
		return {
			category,
			monthly,
			joined: monthly.reduce((sum, n) => sum + n, 0),
			events: new Set(mine.map((r) => r.eventId)).size
		};
	});
	return { months, categories };
}
