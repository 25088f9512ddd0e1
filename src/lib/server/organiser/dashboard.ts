// What the organiser desk shows at a glance: each managed event that has not finished, with
// places booked against capacity, the waiting list and how many have arrived.
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { db, table } from '../db/index.ts';
import type { User } from '../db/schema/index.ts';
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
			placesTaken: sql<number>`(select coalesce(sum(1 + b.guests), 0) from bookings b where b.event_id = ${EVENT_ID} and b.status in ('confirmed', 'offered'))`,
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
