// The staff desk over time: the organiser's past events with who booked, who came (checked in
// at the door) and who did not, per event and per kind of event; and whether the desk is so new
// that it should show the first steps instead.
import { sql } from 'drizzle-orm';
import { db } from '../db/index.ts';
import type { User } from '../db/schema/index.ts';
import { eventCategories, type EventCategory } from '../../event-categories.ts';
import { isAdmin } from './access.ts';

export type PastEvent = {
	id: number;
	title: string;
	category: EventCategory;
	startsAt: Date;
	booked: number;
	attended: number;
};

/** The share of confirmed places nobody came for, as a whole percentage; null with no bookings. */
export function noShowRate(booked: number, attended: number) {
	return booked === 0 ? null : Math.round(((booked - attended) / booked) * 100);
}

function managedBy(user: Pick<User, 'id' | 'roles'>) {
	return isAdmin(user)
		? sql`1`
		: sql`exists (select 1 from event_organisers o where o.event_id = e.id and o.user_id = ${user.id})`;
}

/** Published events that have ended, newest first, with confirmed places and check-ins. */
export async function listPastEvents(
	user: Pick<User, 'id' | 'roles'>,
	now = new Date(),
	limit = 20
): Promise<PastEvent[]> {
	const rows = await db.all<{
		id: number;
		title: string;
		category: EventCategory;
		startsAt: number;
		booked: number;
		attended: number;
	}>(sql`select e.id, e.title, e.category, e.starts_at as startsAt,
			(select count(*) from bookings b where b.event_id = e.id and b.status = 'confirmed') as booked,
			(select count(*) from bookings b where b.event_id = e.id and b.status = 'confirmed'
				and b.checked_in_at is not null) as attended
		from events e
		where e.status = 'published' and e.ends_at <= ${now.getTime()} and ${managedBy(user)}
		order by e.starts_at desc limit ${limit}`);
	return rows.map((r) => ({
		...r,
		id: Number(r.id),
		startsAt: new Date(Number(r.startsAt)),
		booked: Number(r.booked),
		attended: Number(r.attended)
	}));
}

export type AttendanceByKind = {
	category: EventCategory;
	events: number;
	booked: number;
	attended: number;
	noShowRate: number | null;
};

/** Totals per kind of event over the past events listed. */
export function attendanceByKind(events: PastEvent[]): AttendanceByKind[] {
	return eventCategories
		.map((category) => {
			const mine = events.filter((e) => e.category === category);
			const booked = mine.reduce((n, e) => n + e.booked, 0);
			const attended = mine.reduce((n, e) => n + e.attended, 0);
			return {
				category,
				events: mine.length,
				booked,
				attended,
				noShowRate: noShowRate(booked, attended)
			};
		})
		.filter((k) => k.events > 0);
}

/** What a new desk still lacks: a membership list, and any event at all. */
export async function firstStepsLeft(user: Pick<User, 'id' | 'roles'>) {
	const [row] = await db.all<{ listed: number; events: number }>(sql`select
		exists (select 1 from members_register) as listed,
		exists (select 1 from events e where ${managedBy(user)}) as events`);
	return { membershipList: !Number(row.listed), event: !Number(row.events) };
}
