// Deleting an account: personal data is erased at once, in one write, but the row and its
// bookings stay so attendance counts still add up. Future places are given up (with every
// session's calendar cancellation sent); open grant applications are withdrawn and emptied.
import { and, eq, gt, inArray, isNull, ne, not, sql } from 'drizzle-orm';
import { auditInsert } from '../audit.ts';
import { cancelBooking } from '../bookings/cancel.ts';
import { db, table } from '../db/index.ts';
import { grantErasureStatements } from '../grants/account-data.ts';
import type { GrantStatus, User } from '../db/schema/index.ts';
import { formatPounds } from '../../money.ts';

export const DELETED_NAME = 'Deleted member';

// A staff account is closed by another admin taking its roles away first, so the branch is
// never left without anyone who can run it.
function staffBlock(roles: readonly string[]) {
	if (roles.length === 0) return null;
	return `Your account has staff roles (${roles.join(', ')}). Ask an admin to remove them first, then you can delete your account.`;
}

const futureEventIds = (now: Date) =>
	db.select({ id: table.events.id }).from(table.events).where(gt(table.events.endsAt, now));

export type AccountDeletion = { ok: true } | { ok: false; reason: string };

export async function deleteAccount(userId: number, now = new Date()): Promise<AccountDeletion> {
	const [user] = await db
		.select()
		.from(table.users)
		.where(and(eq(table.users.id, userId), isNull(table.users.deletedAt)));
	if (!user) return { ok: true };
	const blocked = staffBlock(user.roles);
	if (blocked) return { ok: false, reason: blocked };
	const futureEvents = futureEventIds(now);
	// Places on events still to come go through the normal cancel path first, so each is offered
	// to the next person waiting and every session's CANCEL invitation is queued (a course already
	// under way too). The statement below catches any the cancel path could not reach.
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
	for (const booking of live)
		await cancelBooking({ bookingUid: booking.uid, userId, accountDeleted: true }, now);
	await eraseAccount(user, now);
	return { ok: true };
}

/**
 * Erases what is personal in one write; the row and its past bookings stay, so attendance
 * counts still add up.
 */
async function eraseAccount(user: User, now: Date) {
	const userId = user.id;
	const futureEvents = futureEventIds(now);
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
		// Copies of emails sent to the member go too, except one a worker is handing over now and
		// the calendar cancellations still to send: without them the member's calendar would keep
		// places they no longer have.
		db
			.delete(table.outbox)
			.where(
				and(
					eq(table.outbox.recipient, user.email.toLowerCase()),
					ne(table.outbox.status, 'sending'),
					not(and(eq(table.outbox.calendarMethod, 'CANCEL'), eq(table.outbox.status, 'pending'))!)
				)
			),
		anonymiseUser(userId, now),
		auditInsert(
			db,
			{ actorUserId: userId, action: 'account-deleted', subjectType: 'user', subjectId: userId },
			now
		)
	]);
}

/** The member's row with nothing left that names or reaches them. */
function anonymiseUser(userId: number, now: Date) {
	return db
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
		.where(eq(table.users.id, userId));
}

/** What deleting does to a grant application, in the words the confirmation page uses. */
export function grantApplicationFate(status: GrantStatus, awardPence: number | null) {
	switch (status) {
		case 'draft':
			return 'This unfinished application is deleted.';
		case 'submitted':
		case 'needs-info':
			return 'This application is withdrawn before a decision, and your answers, bank details and evidence are erased. It cannot be decided or paid.';
		case 'approved':
			return `This approved grant${awardPence ? ` of ${formatPounds(awardPence)}` : ''} is still paid: we keep what we need to pay it, then erase it with the round's other records.`;
		default:
			return null;
	}
}

/** What deleting would do, for the confirmation page. */
export async function deletionPreview(user: { id: number; roles: string[] }, now = new Date()) {
	const a = table.grantApplications;
	const [live, applications] = await Promise.all([
		db
			.select({ title: table.events.title })
			.from(table.bookings)
			.innerJoin(table.events, eq(table.events.id, table.bookings.eventId))
			.where(
				and(
					eq(table.bookings.userId, user.id),
					inArray(table.bookings.status, ['confirmed', 'waitlisted', 'offered']),
					gt(table.events.endsAt, now)
				)
			),
		db
			.select({ reference: a.reference, status: a.status, awardPence: a.awardPence })
			.from(a)
			.where(
				and(
					eq(a.userId, user.id),
					inArray(a.status, ['draft', 'submitted', 'needs-info', 'approved'])
				)
			)
	]);
	return {
		placesToGiveUp: live.map((b) => b.title),
		grantApplications: applications.map((x) => ({
			reference: x.reference,
			fate: grantApplicationFate(x.status, x.awardPence) ?? ''
		})),
		blockedBecause: staffBlock(user.roles)
	};
}
