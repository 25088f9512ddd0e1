// The public catalogue: published events, upcoming or past, with availability from real bookings.
// An upcoming event that was cancelled stays listed, marked so, for those who had seen it.
import { and, asc, count, desc, eq, gt, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { EventCategory } from '../../event-categories.ts';
import { db, table } from '../db/index.ts';
import { placesTakenSql, waitingSql } from '../bookings/places.ts';
import { describeAvailability, type Availability } from './availability.ts';
import { sessionsOfEvent, sessionsOfEvents } from './sessions.ts';

export const PAGE_SIZE = 30;

export type CatalogueQuery = {
	now?: Date;
	category?: EventCategory | null;
	search?: string | null;
	when?: 'upcoming' | 'past';
	page?: number;
	pageSize?: number;
};

export type EventCard = {
	id: number;
	slug: string;
	title: string;
	category: EventCategory;
	summary: string;
	startsAt: Date;
	endsAt: Date;
	sessionCount: number;
	venueName: string | null;
	online: boolean;
	status: 'draft' | 'published' | 'cancelled';
	availability: Availability;
};

// Correlated subqueries name the outer table in full: drizzle leaves columns of a
// single-table select unqualified, which inside a subquery would bind to the inner table.
const EVENT_ID = sql.raw('"events"."id"');
const placesTaken = placesTakenSql(EVENT_ID).as('places_taken');
const waiting = waitingSql(EVENT_ID).as('waiting');
const sessionCount = sql<number>`(select count(*) from event_sessions s
	where s.event_id = "events"."id")`.as('session_count');

const cardColumns = {
	id: table.events.id,
	slug: table.events.slug,
	title: table.events.title,
	category: table.events.category,
	summary: table.events.summary,
	startsAt: table.events.startsAt,
	endsAt: table.events.endsAt,
	venueName: table.events.venueName,
	onlineUrl: table.events.onlineUrl,
	status: table.events.status,
	booking: table.events.booking,
	capacity: table.events.capacity,
	placesTaken,
	waiting,
	sessionCount
};

type CardRow = SelectResultFields<typeof cardColumns>;

const CANCELLED: Availability = {
	state: 'cancelled',
	placesLeft: null,
	waiting: 0,
	label: 'Cancelled: no longer taking bookings'
};

/** Upcoming listings keep cancelled events; the archive shows only those that took place. */
const LISTED = inArray(table.events.status, ['published', 'cancelled']);

function toCard(row: CardRow): EventCard {
	const { onlineUrl, booking, capacity, placesTaken, waiting, ...rest } = row;
	return {
		...rest,
		online: Boolean(onlineUrl),
		sessionCount: Number(row.sessionCount),
		availability:
			row.status === 'cancelled'
				? CANCELLED
				: describeAvailability({
						booking,
						capacity,
						placesTaken: Number(placesTaken),
						waiting: Number(waiting)
					})
	};
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%", not everything. */
function containsPattern(term: string) {
	return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function searchCondition(search: string): SQL | undefined {
	const pattern = containsPattern(search.toLowerCase());
	return or(
		...[table.events.title, table.events.summary, table.events.venueName].map(
			(column) => sql`lower(${column}) like ${pattern} escape '\\'`
		)
	);
}

export async function listEvents(query: CatalogueQuery = {}) {
	const now = query.now ?? new Date();
	const pageSize = query.pageSize ?? PAGE_SIZE;
	const when = query.when ?? 'upcoming';
	const search = query.search?.trim().slice(0, 200) || null;
	const where = and(
		...(when === 'upcoming'
			? [LISTED, gt(table.events.endsAt, now)]
			: [eq(table.events.status, 'published'), lte(table.events.endsAt, now)]),
		query.category ? eq(table.events.category, query.category) : undefined,
		search ? searchCondition(search) : undefined
	);

	const order =
		when === 'upcoming'
			? [asc(table.events.startsAt), asc(table.events.id)]
			: [desc(table.events.startsAt), desc(table.events.id)];
	// The page is chosen first from the listing index alone; only its rows then count their
	// bookings. Counting inside the same query would count every matching event's bookings
	// before sorting, which grows with the whole catalogue rather than the page.
	const fetchPage = (page: number) => {
		const shown = db
			.select({ id: table.events.id, total: sql<number>`count(*) over ()`.as('total') })
			.from(table.events)
			.where(where)
			.orderBy(...order)
			.limit(pageSize)
			.offset((page - 1) * pageSize)
			.as('shown');
		return db
			.select({ ...cardColumns, total: shown.total })
			.from(shown)
			.innerJoin(table.events, eq(table.events.id, shown.id))
			.orderBy(...order);
	};

	let page = Math.max(1, Math.floor(query.page ?? 1));
	let rows = await fetchPage(page);
	if (rows.length === 0 && page > 1) {
		// Past the last page (an old link): show the last page there is.
		const [{ total }] = await db.select({ total: count() }).from(table.events).where(where);
		page = Math.max(1, Math.ceil(total / pageSize));
		rows = await fetchPage(page);
	}
	const total = rows.length ? Number(rows[0].total) : 0;
	const pageCount = Math.max(1, Math.ceil(total / pageSize));
	return { events: rows.map(toCard), total, page, pageCount, pageSize };
}

/** The next few upcoming events of each category, for the home page, cancelled ones marked. */
export async function listHighlights(perCategory = 3, now = new Date()) {
	// Ranked from the listing index alone, so only the few highlights count their bookings.
	const ranked = db
		.select({
			id: table.events.id,
			rank: sql<number>`row_number() over (partition by ${table.events.category} order by ${table.events.startsAt}, ${table.events.id})`.as(
				'rank'
			)
		})
		.from(table.events)
		.where(and(LISTED, gt(table.events.endsAt, now)))
		.as('ranked');
	const rows = await db
		.select(cardColumns)
		.from(ranked)
		.innerJoin(table.events, eq(table.events.id, ranked.id))
		.where(lte(ranked.rank, perCategory))
		.orderBy(asc(table.events.startsAt), asc(table.events.id));
	return rows.map(toCard);
}

/** A public event with every session; drafts are never shown to the public. */
export async function findPublicEvent(slug: string) {
	const [row] = await db
		.select({ event: table.events, placesTaken, waiting })
		.from(table.events)
		.where(and(eq(table.events.slug, slug), sql`${table.events.status} <> 'draft'`))
		.limit(1);
	if (!row) return null;
	return {
		event: row.event,
		sessions: await sessionsOfEvent(row.event.id),
		availability: describeAvailability({
			booking: row.event.booking,
			capacity: row.event.capacity,
			placesTaken: Number(row.placesTaken),
			waiting: Number(row.waiting)
		})
	};
}

/** Published events with their sessions, for the public calendar feed. */
export async function listFeedEvents(options: { category?: EventCategory | null; now?: Date }) {
	const now = options.now ?? new Date();
	// Keep a month of the past so calendars that subscribed do not see events vanish on the day.
	const since = new Date(now.getTime() - 31 * 24 * 3_600_000);
	const events = await db
		.select()
		.from(table.events)
		.where(
			and(
				sql`${table.events.status} in ('published', 'cancelled')`,
				gt(table.events.endsAt, since),
				options.category ? eq(table.events.category, options.category) : undefined
			)
		)
		.orderBy(asc(table.events.startsAt))
		.limit(1000);
	const sessions = await sessionsOfEvents(events.map((e) => e.id));
	return events.map((event) => ({
		event,
		sessions: sessions.get(event.id) ?? []
	}));
}
