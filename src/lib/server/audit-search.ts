// What /admin/audit shows: the audit log filtered by who acted, which event it concerned (the
// event itself and its bookings), and a date range in London days.
import { and, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { db, table } from './db/index.ts';
import { fromLondonTime } from '../london-time.ts';
import { parseIsoDate } from '../plain-date.ts';

export type AuditFilter = {
	person?: string;
	/** Name or email of the person acted on: their account, or their bookings. */
	subject?: string;
	event?: string;
	from?: string;
	to?: string;
};
export type AuditFilterErrors = Partial<Record<keyof AuditFilter, string>>;

const LIMIT = 200;

function londonDay(value: string, plusDays = 0) {
	const date = parseIsoDate(value);
	if (!date) return null;
	const day = new Date(Date.UTC(date.y, date.mo - 1, date.d + plusDays));
	return fromLondonTime(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
}

/** The ids of accounts whose name or email contains `text`, as a subquery. */
function peopleMatching(text: string) {
	const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	return sql`(select id from users where lower(email) like ${like} escape '\\' or lower(name) like ${like} escape '\\')`;
}

/** Records about the person: their account, or one of their bookings. */
function actedOn(people: SQL) {
	const a = table.auditLog;
	return or(
		and(eq(a.subjectType, 'user'), sql`${a.subjectId} in (select cast(id as text) from ${people})`),
		and(
			eq(a.subjectType, 'booking'),
			sql`${a.subjectId} in (select uid from bookings where user_id in ${people})`
		)
	);
}

/** Records about the event named by number or web address name: itself and its bookings. */
async function aboutEvent(key: string) {
	const a = table.auditLog;
	const [found] = await db
		.select({ id: table.events.id, slug: table.events.slug })
		.from(table.events)
		.where(/^\d+$/.test(key) ? eq(table.events.id, Number(key)) : eq(table.events.slug, key));
	if (!found) return null;
	return or(
		and(eq(a.subjectType, 'event'), inArray(a.subjectId, [found.slug, String(found.id)])),
		and(
			eq(a.subjectType, 'booking'),
			sql`${a.subjectId} in (select uid from bookings where event_id = ${found.id})`
		)
	);
}

/** The filter as SQL conditions, or the messages for the fields that cannot be read. */
async function auditConditions(filter: AuditFilter) {
	const errors: AuditFilterErrors = {};
	const a = table.auditLog;
	const conditions: (SQL | undefined)[] = [];
	const person = filter.person?.trim().toLowerCase();
	if (person) conditions.push(sql`${a.actorUserId} in ${peopleMatching(person)}`);
	const subject = filter.subject?.trim().toLowerCase();
	if (subject) conditions.push(actedOn(peopleMatching(subject)));
	const eventKey = filter.event?.trim();
	if (eventKey) {
		const event = await aboutEvent(eventKey);
		if (event) conditions.push(event);
		else errors.event = 'No event has that number or web address name';
	}
	const from = filter.from ? londonDay(filter.from) : null;
	if (filter.from && !from) errors.from = 'Enter a real date, for example 2026-11-01';
	const to = filter.to ? londonDay(filter.to, 1) : null;
	if (filter.to && !to) errors.to = 'Enter a real date, for example 2026-11-30';
	if (from) conditions.push(gte(a.createdAt, from));
	if (to) conditions.push(lt(a.createdAt, to));
	return { conditions, errors };
}

export async function searchAuditLog(filter: AuditFilter) {
	const { conditions, errors } = await auditConditions(filter);
	if (Object.keys(errors).length) return { ok: false as const, errors };
	const a = table.auditLog;
	const u = table.users;
	const rows = await db
		.select({
			id: a.id,
			at: a.createdAt,
			action: a.action,
			subjectType: a.subjectType,
			subjectId: a.subjectId,
			detail: a.detail,
			actorName: u.name,
			actorEmail: u.email,
			...subjectColumns(a)
		})
		.from(a)
		.leftJoin(u, eq(u.id, a.actorUserId))
		.where(and(...conditions))
		.orderBy(desc(a.id))
		.limit(LIMIT);
	return { ok: true as const, rows, limit: LIMIT };
}

/** What each record was done to, by name, and the id its page is found by. */
function subjectColumns(a: typeof table.auditLog) {
	return {
		subjectName: sql<string | null>`case ${a.subjectType}
			when 'user' then (select name from users where id = cast(${a.subjectId} as integer))
			when 'event' then (select title from events where cast(id as text) = ${a.subjectId} or slug = ${a.subjectId})
			when 'booking' then (select su.name || ' (' || se.title || ')' from bookings sb
				join users su on su.id = sb.user_id join events se on se.id = sb.event_id where sb.uid = ${a.subjectId})
			when 'grant_application' then (select reference from grant_applications where id = cast(${a.subjectId} as integer))
			end`,
		subjectKey: sql<string | null>`case ${a.subjectType}
			when 'user' then (select email from users where id = cast(${a.subjectId} as integer))
			when 'event' then (select cast(id as text) from events where cast(id as text) = ${a.subjectId} or slug = ${a.subjectId})
			when 'booking' then (select cast(event_id as text) from bookings where uid = ${a.subjectId})
			when 'grant_application' then ${a.subjectId}
			end`
	};
}
