import ICAL from 'ical.js';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import {
	createBooking,
	createEvent,
	createGrantRound,
	createMember,
	emptyDatabase
} from '../testing/fixtures.ts';
import { deleteAccount, deletionPreview } from './delete-account.ts';

const now = new Date('2026-11-22T10:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
const session = (d: number) => ({
	startsAt: days(d),
	endsAt: new Date(days(d).getTime() + 3_600_000)
});

beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.outbox);
});

describe('deleting an account with upcoming bookings', () => {
	it('sends a CANCEL for every session of every upcoming place: three bookings, one a 3-session course', async () => {
		const member = await createMember({ email: 'leaving@example.org', emailVerifiedAt: now });
		const rally = await createEvent({ title: 'Rally', sessions: [session(3)] });
		const social = await createEvent({ title: 'Social', sessions: [session(5)] });
		const course = await createEvent({
			title: 'Reps course',
			category: 'course',
			sessions: [session(7), session(14), session(21)]
		});
		const bookings = await Promise.all(
			[rally, social, course].map((event) => createBooking(event, { userId: member.id }))
		);
		// An earlier email already sent: its copy is erased like any other.
		await db.insert(table.outbox).values({
			idempotencyKey: 'earlier',
			recipient: 'leaving@example.org',
			template: 'booking-confirmed',
			subject: 'Booked',
			textBody: 'Hello',
			htmlBody: '<p>Hello</p>',
			status: 'sent',
			nextAttemptAt: now,
			createdAt: now
		});

		expect(await deleteAccount(member.id, now)).toEqual({ ok: true });

		const outbox = await db
			.select()
			.from(table.outbox)
			.where(eq(table.outbox.recipient, 'leaving@example.org'));
		const cancels = outbox.filter((m) => m.calendarMethod === 'CANCEL');
		expect(cancels).toHaveLength(5);
		expect(outbox.map((m) => m.idempotencyKey)).not.toContain('earlier');
		const uids = cancels.map((m) => {
			const calendar = new ICAL.Component(ICAL.parse(m.calendarIcs!));
			expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
			return calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('uid') as string;
		});
		expect(new Set(uids).size).toBe(5);
		for (const booking of bookings)
			expect(uids.filter((uid) => uid.includes(booking.uid)).length).toBe(
				booking.eventId === course.id ? 3 : 1
			);
		expect(cancels.every((m) => m.status === 'pending')).toBe(true);
	});

	it('still takes out the sessions left of a course already under way', async () => {
		const member = await createMember({ emailVerifiedAt: now });
		const course = await createEvent({
			category: 'course',
			sessions: [session(-7), session(7), session(14)]
		});
		await createBooking(course, { userId: member.id });
		await deleteAccount(member.id, now);
		const cancels = (await db.select().from(table.outbox)).filter(
			(m) => m.calendarMethod === 'CANCEL'
		);
		expect(cancels).toHaveLength(3);
	});
});

describe('the deletion page', () => {
	it('names open grant applications and what happens to each', async () => {
		const member = await createMember();
		const round = await createGrantRound({}, now);
		const other = await createGrantRound({ name: 'Last winter' }, now);
		await db.insert(table.grantApplications).values([
			{
				reference: 'WF-2026-0001',
				roundId: round.id,
				userId: member.id,
				status: 'submitted',
				answers: {},
				createdAt: now,
				updatedAt: now
			},
			{
				reference: 'WF-2025-0002',
				roundId: other.id,
				userId: member.id,
				status: 'approved',
				awardPence: 10_000,
				answers: {},
				createdAt: now,
				updatedAt: now
			}
		]);
		const preview = await deletionPreview(member, now);
		expect(preview.grantApplications).toEqual([
			{
				reference: 'WF-2026-0001',
				fate: expect.stringContaining('withdrawn before a decision')
			},
			{ reference: 'WF-2025-0002', fate: expect.stringContaining('grant of £100 is still paid') }
		]);
	});
});
