// "Download my data": everything held about an account, as JSON the member can keep. Secrets
// are left out: password hash, two-factor secret, calendar feed token, session and code hashes.
import { and, asc, eq, or } from 'drizzle-orm';
import { config } from '../config.ts';
import { db, table } from '../db/index.ts';
import { exportGrantApplications } from '../grants/account-data.ts';

/** Emails whose subject carries a one-time code. */
const SUBJECT_HOLDS_A_CODE = new Set(['verification-code']);

export async function exportAccountData(userId: number, now = new Date()) {
	const [user] = await db.select().from(table.users).where(eq(table.users.id, userId));
	if (!user) return null;
	const [register, sessions, bookings, emails, audit] = await db.batch([
		db
			.select()
			.from(table.membersRegister)
			.where(eq(table.membersRegister.membershipNumber, user.membershipNumber ?? '')),
		db
			.select({
				createdAt: table.sessions.createdAt,
				lastUsedAt: table.sessions.lastUsedAt
			})
			.from(table.sessions)
			.where(eq(table.sessions.userId, userId))
			.orderBy(asc(table.sessions.createdAt)),
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
			.where(eq(table.bookings.userId, userId))
			.orderBy(asc(table.bookings.createdAt)),
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
			.orderBy(asc(table.outbox.createdAt)),
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
					eq(table.auditLog.actorUserId, userId),
					and(eq(table.auditLog.subjectType, 'user'), eq(table.auditLog.subjectId, String(userId)))
				)
			)
			.orderBy(asc(table.auditLog.id))
	]);
	const entry = register[0];
	const grantApplications = await exportGrantApplications(userId, config.grantDataKey.key);
	return {
		about: `Everything ${config.branchName} holds about your account on its events and grants website.`,
		exportedAt: now,
		account: {
			name: user.name,
			email: user.email,
			emailVerifiedAt: user.emailVerifiedAt,
			membershipNumber: user.membershipNumber,
			memberVerifiedAt: user.memberVerifiedAt,
			staffRoles: user.roles,
			twoFactorEnrolledAt: user.totpEnrolledAt,
			calendarFeedSet: user.calendarFeedToken !== null,
			createdAt: user.createdAt
		},
		membershipList: entry
			? {
					membershipNumber: entry.membershipNumber,
					surname: entry.surname,
					postcode: entry.postcode,
					joinedOn: entry.joinedOn,
					subsPaidTo: entry.subsPaidTo,
					importedAt: entry.importedAt
				}
			: null,
		sessions,
		bookings,
		grantApplications,
		emails: emails.map((email) => ({
			...email,
			subject: SUBJECT_HOLDS_A_CODE.has(email.template)
				? 'Your verification code (the code itself is left out)'
				: email.subject
		})),
		activity: audit.map(({ actorUserId, ...entry }) => ({
			...entry,
			by:
				actorUserId === userId ? 'you' : actorUserId === null ? 'nobody signed in' : 'branch staff'
		}))
	};
}

export type AccountData = NonNullable<Awaited<ReturnType<typeof exportAccountData>>>;
