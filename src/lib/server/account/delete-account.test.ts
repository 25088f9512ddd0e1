import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { signInWithPassword } from '../auth/password-sign-in.ts';
import { hashPassword } from '../auth/password.ts';
import { createSession, validateSessionToken } from '../auth/session.ts';
import { db, table } from '../db/index.ts';
import { bookPlace } from '../bookings/book.ts';
import {
	createBooking,
	createEvent,
	createMember,
	createMemberInGoodStanding,
	emptyDatabase
} from '../testing/fixtures.ts';
import { checkMembership } from '../members/membership-check.ts';
import { deleteAccount, deletionPreview } from './delete-account.ts';

const now = new Date('2026-11-22T10:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.auditLog);
	await db.delete(table.outbox);
	await db.delete(table.membersRegister);
	await db.delete(table.rateLimits);
});

describe('deleting an account', () => {
	it('erases personal data, keeps the row and its bookings for counts, and gives up future places', async () => {
		const user = await createMember({
			name: 'Amara Okafor',
			email: 'amara@example.org',
			emailVerifiedAt: now,
			passwordHash: await hashPassword('copper kettle winter lantern'),
			membershipNumber: 'B100201',
			memberVerifiedAt: now,
			totpSecret: 'JBSWY3DPEHPK3PXP',
			calendarFeedToken: 'feed'
		});
		const { token } = await createSession(user.id, { now });
		const past = await createEvent({ startsAt: days(-10) });
		const future = await createEvent({ startsAt: days(10) });
		const waiting = await createEvent({ startsAt: days(12) });
		const attended = await createBooking(past, { userId: user.id, answers: { dietary: 'Vegan' } });
		const place = await createBooking(future, {
			userId: user.id,
			answers: { accessNeeds: ['hearing loop'] }
		});
		const queued = await createBooking(waiting, {
			userId: user.id,
			status: 'waitlisted',
			waitlistPosition: 1
		});

		expect(await deleteAccount(user.id, now)).toEqual({ ok: true });

		const [row] = await db.select().from(table.users).where(eq(table.users.id, user.id));
		expect(row).toMatchObject({
			name: 'Deleted member',
			email: `deleted-${user.id}@invalid`,
			passwordHash: null,
			membershipNumber: null,
			memberVerifiedAt: null,
			totpSecret: null,
			calendarFeedToken: null,
			deletedAt: now
		});
		const bookings = await db
			.select()
			.from(table.bookings)
			.where(eq(table.bookings.userId, user.id));
		const byId = new Map(bookings.map((b) => [b.id, b]));
		expect(byId.get(attended.id)).toMatchObject({ status: 'confirmed', answers: null });
		expect(byId.get(place.id)).toMatchObject({
			status: 'cancelled',
			cancelledAt: now,
			answers: null
		});
		expect(byId.get(queued.id)).toMatchObject({ status: 'cancelled' });

		expect(await validateSessionToken(token, now)).toBeNull();
		expect(
			await db.select().from(table.sessions).where(eq(table.sessions.userId, user.id))
		).toEqual([]);
		const audit = await db
			.select()
			.from(table.auditLog)
			.where(eq(table.auditLog.action, 'account-deleted'));
		expect(audit).toMatchObject([{ actorUserId: user.id, subjectId: String(user.id) }]);
	});

	it('offers a given-up place to the first person waiting', async () => {
		const event = await createEvent({
			capacity: 1,
			startsAt: new Date(Date.now() + 72 * 3_600_000)
		});
		const leaving = await createMemberInGoodStanding();
		const waiting = await createMemberInGoodStanding();
		await bookPlace({ eventId: event.id, userId: leaving.id, answers: {}, guests: 0 });
		await bookPlace({ eventId: event.id, userId: waiting.id, answers: {}, guests: 0 });
		expect(await deleteAccount(leaving.id)).toEqual({ ok: true });
		const [offer] = await db
			.select()
			.from(table.bookings)
			.where(eq(table.bookings.userId, waiting.id));
		expect(offer.status).toBe('offered');
	});

	it('means the old email and password no longer sign in', async () => {
		const user = await createMember({
			email: 'leaving@example.org',
			emailVerifiedAt: now,
			passwordHash: await hashPassword('copper kettle winter lantern')
		});
		await deleteAccount(user.id, now);
		const attempt = await signInWithPassword(
			{ email: 'leaving@example.org', password: 'copper kettle winter lantern', ip: '203.0.113.9' },
			now
		);
		expect(attempt.ok).toBe(false);
	});

	it('frees the email address and the membership number for a new account', async () => {
		await db.insert(table.membersRegister).values({
			membershipNumber: 'B7',
			surname: 'Okafor',
			postcode: 'B15 2TT',
			joinedOn: '2015-03-01',
			subsPaidTo: '2026-12-31',
			importedAt: now
		});
		const user = await createMember({
			email: 'amara@example.org',
			membershipNumber: 'B7',
			memberVerifiedAt: now
		});
		await deleteAccount(user.id, now);
		const again = await createMember({ email: 'amara@example.org' });
		expect(
			await checkMembership(
				again.id,
				{ membershipNumber: 'B7', surname: 'Okafor', postcode: 'B15 2TT' },
				now
			)
		).toEqual({
			ok: true
		});
	});

	it('erases copies of the emails sent to the member', async () => {
		const user = await createMember({ email: 'amara@example.org' });
		await db.insert(table.outbox).values({
			idempotencyKey: 'k',
			recipient: 'amara@example.org',
			template: 'booking-confirmed',
			subject: 'Your place',
			textBody: 'Hello Amara',
			htmlBody: '<p>Hello Amara</p>',
			nextAttemptAt: now,
			createdAt: now,
			status: 'sent'
		});
		await deleteAccount(user.id, now);
		expect(await db.select().from(table.outbox)).toEqual([]);
	});

	it('is refused for staff until their roles are taken away', async () => {
		const admin = await createMember({ roles: ['admin'] });
		const result = await deleteAccount(admin.id, now);
		expect(result).toEqual({
			ok: false,
			reason:
				'Your account has staff roles (admin). Ask an admin to remove them first, then you can delete your account.'
		});
		expect((await deletionPreview(admin, now)).blockedBecause).toBe(!result.ok && result.reason);
		const [row] = await db.select().from(table.users).where(eq(table.users.id, admin.id));
		expect(row.deletedAt).toBeNull();
	});

	it('lists the places the member would give up', async () => {
		const user = await createMember();
		await createBooking(await createEvent({ title: 'Past', startsAt: days(-3) }), {
			userId: user.id
		});
		await createBooking(await createEvent({ title: 'Rally', startsAt: days(3) }), {
			userId: user.id
		});
		await createBooking(await createEvent({ title: 'Dropped', startsAt: days(4) }), {
			userId: user.id,
			status: 'cancelled'
		});
		expect(await deletionPreview(user, now)).toEqual({
			placesToGiveUp: ['Rally'],
			grantApplications: [],
			blockedBecause: null
		});
	});
});
