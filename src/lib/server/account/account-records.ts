// The rows about one account that its data download is made from, read in one batch: its
// membership list entry, sign-ins, bookings, emails and audit-log lines. Only what the member may
// see is selected; secrets never leave the database.
import { and, asc, eq, or } from 'drizzle-orm';
import { db, table } from '../db/index.ts';
import type { User } from '../db/schema/index.ts';

const membershipListQuery = (user: User) =>
	db
		.select()
		.from(table.membersRegister)
		.where(eq(table.membersRegister.membershipNumber, user.membershipNumber ?? ''));

const sessionsQuery = (user: User) =>
	db
		.select({ createdAt: table.sessions.createdAt, lastUsedAt: table.sessions.lastUsedAt })
		.from(table.sessions)
		.where(eq(table.sessions.userId, user.id))
		.orderBy(asc(table.sessions.createdAt));

const bookingsQuery = (user: User) =>
	db
		.select({
			event: table.events.title,
			eventStartsAt: table.events.startsAt,
			status: table.bookings.status,
			waitingListPosition: table.bookings.waitlistPosition,
			offerExpiresAt: table.bookings.offerExpiresAt,
			guests: table.bookings.guests,
			answers: table.bookings.answers,
			checkedInAt: table.bookings.checkedInAt,
			createdAt: table.bookings.createdAt,
			cancelledAt: table.bookings.cancelledAt
		})
		.from(table.bookings)
		.innerJoin(table.events, eq(table.events.id, table.bookings.eventId))
		.where(eq(table.bookings.userId, user.id))
		.orderBy(asc(table.bookings.createdAt));

const emailsQuery = (user: User) =>
	db
		.select({
			template: table.outbox.template,
			subject: table.outbox.subject,
			status: table.outbox.status,
			createdAt: table.outbox.createdAt,
			sentAt: table.outbox.sentAt
		})
		.from(table.outbox)
		.where(eq(table.outbox.recipient, user.email))
		.orderBy(asc(table.outbox.createdAt));

const activityQuery = (user: User) =>
	db
		.select({
			actorUserId: table.auditLog.actorUserId,
			action: table.auditLog.action,
			subjectType: table.auditLog.subjectType,
			subjectId: table.auditLog.subjectId,
			detail: table.auditLog.detail,
			createdAt: table.auditLog.createdAt
		})
		.from(table.auditLog)
		.where(
			or(
				eq(table.auditLog.actorUserId, user.id),
				and(eq(table.auditLog.subjectType, 'user'), eq(table.auditLog.subjectId, String(user.id)))
			)
		)
		.orderBy(asc(table.auditLog.id));

export async function readAccountRecords(user: User) {
	const [register, sessions, bookings, emails, activity] = await db.batch([
		membershipListQuery(user),
		sessionsQuery(user),
		bookingsQuery(user),
		emailsQuery(user),
		activityQuery(user)
	]);
	return { membershipList: register[0] ?? null, sessions, bookings, emails, activity };
}
