// Deleting an account: personal data is erased at once, in one write, but the row and its
// bookings stay so attendance counts still add up. Future places are given up; open grant
// applications are withdrawn and emptied.
import { and, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import { auditInsert } from '../audit.ts';
import { cancelBooking } from '../bookings/cancel.ts';
import { db, table } from '../db/index.ts';
import { grantErasureStatements } from '../grants/account-data.ts';

export const DELETED_NAME = 'Deleted member';

// A staff account is closed by another admin taking its roles away first, so the branch is
// never left without anyone who can run it.
function staffBlock(roles: readonly string[]) {
	if (roles.length === 0) return null;
	return `Your account has staff roles (${roles.join(', ')}). Ask an admin to remove them first, then you can delete your account.`;
}

export type AccountDeletion = { ok: true } | { ok: false; reason: string };

export async function deleteAccount(userId: number, now = new Date()): Promise<AccountDeletion> {
	const [user] = await db
		.select()
		.from(table.users)
		.where(and(eq(table.users.id, userId), isNull(table.users.deletedAt)));
	if (!user) return { ok: true };
	const blocked = staffBlock(user.roles);
	if (blocked) return { ok: false, reason: blocked };
	const futureEvents = db
		.select({ id: table.events.id })
		.from(table.events)
		.where(gt(table.events.endsAt, now));
	// Future places go through the normal cancel path first, so each is offered to the next
	// person waiting. The statement below catches any the cancel path refuses (already started).
	const live = await db
		.select({ uid: table.bookings.uid })
		.from(table.bookings)
		.where(
			and(
				eq(table.bookings.userId, userId),
				inArray(table.bookings.status, ['confirmed', 'waitlisted', 'offered']),
				inArray(table.bookings.eventId, futureEvents)
			)
		);
	for (const booking of live) await cancelBooking({ bookingUid: booking.uid, userId }, now);
	await db.batch([
		db
			.update(table.bookings)
			.set({ status: 'cancelled', cancelledAt: now, statusChangedAt: now, offerExpiresAt: null })
			.where(
				and(
					eq(table.bookings.userId, userId),
					inArray(table.bookings.status, ['confirmed', 'waitlisted', 'offered']),
					inArray(table.bookings.eventId, futureEvents)
				)
			),
		// Access and dietary answers are special category data: none are kept, past or future.
		db.update(table.bookings).set({ answers: null }).where(eq(table.bookings.userId, userId)),
		...grantErasureStatements(db, userId, now),
		db.delete(table.sessions).where(eq(table.sessions.userId, userId)),
		db.delete(table.authTokens).where(eq(table.authTokens.userId, userId)),
		db.delete(table.recoveryCodes).where(eq(table.recoveryCodes.userId, userId)),
		db.delete(table.rateLimits).where(eq(table.rateLimits.key, `email-send:${user.email}`)),
		// Copies of emails sent to the member go too, except one a worker is handing over now.
		db
			.delete(table.outbox)
			.where(and(eq(table.outbox.recipient, user.email), ne(table.outbox.status, 'sending'))),
		db
			.update(table.users)
			.set({
				name: DELETED_NAME,
				email: `deleted-${userId}@invalid`,
				emailVerifiedAt: null,
				passwordHash: null,
				membershipNumber: null,
				memberVerifiedAt: null,
				roles: sql`'[]'`,
				totpSecret: null,
				totpEnrolledAt: null,
				calendarFeedToken: null,
				deletedAt: now
			})
			.where(eq(table.users.id, userId)),
		auditInsert(
			db,
			{ actorUserId: userId, action: 'account-deleted', subjectType: 'user', subjectId: userId },
			now
		)
	]);
	return { ok: true };
}

/** What deleting would do, for the confirmation page. */
export async function deletionPreview(user: { id: number; roles: string[] }, now = new Date()) {
	const live = await db
		.select({ title: table.events.title })
		.from(table.bookings)
		.innerJoin(table.events, eq(table.events.id, table.bookings.eventId))
		.where(
			and(
				eq(table.bookings.userId, user.id),
				inArray(table.bookings.status, ['confirmed', 'waitlisted', 'offered']),
				gt(table.events.endsAt, now)
			)
		);
	return {
		placesToGiveUp: live.map((b) => b.title),
		blockedBecause: staffBlock(user.roles)
	};
}
