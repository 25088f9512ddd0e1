// Who manages which event: organisers manage the events they are listed on (event_organisers),
// admins manage every event. Anything else is treated as if it did not exist.
import { and, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { auditInsert } from '../audit.ts';
import { db, table } from '../db/index.ts';
import type { Event, User } from '../db/schema/index.ts';
import { checkForm } from '../form-schema.ts';

export function isAdmin(user: Pick<User, 'roles'>) {
	return user.roles.includes('admin');
}

export function parseEventId(value: string | number): number | null {
	const id = typeof value === 'number' ? value : /^\d{1,12}$/.test(value) ? Number(value) : NaN;
	return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** The event if this person may manage it, else null (the caller answers 404). */
export async function findManagedEvent(
	user: Pick<User, 'id' | 'roles'>,
	eventId: string | number
): Promise<Event | null> {
	const id = parseEventId(eventId);
	if (id === null) return null;
	if (isAdmin(user)) {
		const [event] = await db.select().from(table.events).where(eq(table.events.id, id));
		return event ?? null;
	}
	if (!user.roles.includes('organiser')) return null;
	const [row] = await db
		.select({ event: table.events })
		.from(table.events)
		.innerJoin(
			table.eventOrganisers,
			and(
				eq(table.eventOrganisers.eventId, table.events.id),
				eq(table.eventOrganisers.userId, user.id)
			)
		)
		.where(eq(table.events.id, id));
	return row?.event ?? null;
}

export async function listEventOrganisers(eventId: number) {
	return db
		.select({ id: table.users.id, name: table.users.name, email: table.users.email })
		.from(table.eventOrganisers)
		.innerJoin(table.users, eq(table.users.id, table.eventOrganisers.userId))
		.where(eq(table.eventOrganisers.eventId, eventId));
}

export type AddOrganiserOutcome = { ok: true; name: string } | { ok: false; reason: string };

/** The address of the organiser to add, as accounts store it (trimmed, lower case). */
const ORGANISER_TO_ADD = v.object({
	organiserEmail: v.pipe(
		v.string(),
		v.trim(),
		v.toLowerCase(),
		v.nonEmpty('Enter the email address of the organiser to add')
	)
});
export const checkOrganiserToAdd = (input: { organiserEmail: string }) =>
	checkForm(ORGANISER_TO_ADD, input);

/** Another organiser (or admin) shares the event; a member without a staff role cannot. */
export async function addEventOrganiser(
	eventId: number,
	email: string,
	actorUserId: number | null = null,
	now = new Date()
): Promise<AddOrganiserOutcome> {
	const typed = checkOrganiserToAdd({ organiserEmail: email });
	if (!typed.ok) return { ok: false, reason: typed.errors.organiserEmail };
	const address = typed.data.organiserEmail;
	const [user] = await db.select().from(table.users).where(eq(table.users.email, address));
	if (!user || !(user.roles.includes('organiser') || user.roles.includes('admin'))) {
		return {
			ok: false,
			reason: 'There is no organiser with that email address. An admin can give the role first.'
		};
	}
	await db.batch([
		db
			.insert(table.eventOrganisers)
			.values({ eventId, userId: user.id, addedAt: now })
			.onConflictDoNothing(),
		auditInsert(
			db,
			{
				actorUserId,
				action: 'event.organiser-added',
				subjectType: 'event',
				subjectId: eventId,
				detail: { organiser: user.email }
			},
			now
		)
	]);
	return { ok: true, name: user.name };
}
