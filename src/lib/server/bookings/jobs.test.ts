import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { createBooking, createEvent, emptyDatabase } from '../testing/fixtures.ts';
import { offerFreePlacesEverywhere } from './offers.ts';
import { queueDueReminders } from './reminders.ts';
import { eraseExpiredAnswers } from './retention.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date('2026-11-22T10:00:00Z');

beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.outbox);
});

describe('reminders', () => {
	it('go the day before each session to confirmed attendees only, once', async () => {
		const start = new Date(now.getTime() + 20 * HOUR);
		const event = await createEvent({
			sessions: [
				{ startsAt: start, endsAt: new Date(start.getTime() + 2 * HOUR) },
				{
					startsAt: new Date(start.getTime() + 7 * DAY),
					endsAt: new Date(start.getTime() + 7 * DAY + 2 * HOUR)
				}
			]
		});
		const booked = new Date(now.getTime() - 5 * DAY);
		const confirmed = await createBooking(event, { status: 'confirmed', statusChangedAt: booked });
		await createBooking(event, {
			status: 'waitlisted',
			waitlistPosition: 1,
			statusChangedAt: booked
		});
		await createBooking(event, { status: 'cancelled', statusChangedAt: booked });

		expect(await queueDueReminders(now)).toBe(1);
		expect(await queueDueReminders(now)).toBe(0);
		const mail = await db.select().from(table.outbox);
		expect(mail.map((m) => m.template)).toEqual(['booking-reminder']);
		expect(mail[0].idempotencyKey).toContain(confirmed.uid);
		expect(mail[0].subject).toMatch(/^Tomorrow: /);

		// The second session's reminder comes a week later.
		expect(await queueDueReminders(new Date(now.getTime() + 7 * DAY))).toBe(1);
	});

	it('are not sent to someone who booked within the last day', async () => {
		const start = new Date(now.getTime() + 10 * HOUR);
		const event = await createEvent({
			sessions: [{ startsAt: start, endsAt: new Date(start.getTime() + HOUR) }]
		});
		await createBooking(event, {
			status: 'confirmed',
			statusChangedAt: new Date(now.getTime() - HOUR)
		});
		expect(await queueDueReminders(now)).toBe(0);
	});
});

describe('retention of special-category answers', () => {
	it('erases access and dietary answers 30 days after the event, keeping the employer', async () => {
		const old = await createEvent({ startsAt: new Date(now.getTime() - 31 * DAY) });
		const recent = await createEvent({ startsAt: new Date(now.getTime() - 5 * DAY) });
		const answers = {
			accessNeeds: ['step-free'],
			accessNotes: 'Wheelchair user',
			dietary: 'Halal',
			employer: 'Birmingham City Council'
		};
		const kept = await createBooking(recent, { answers });
		const erased = await createBooking(old, { answers });

		expect(await eraseExpiredAnswers(now)).toBe(1);
		const [afterOld] = await db
			.select()
			.from(table.bookings)
			.where(eq(table.bookings.id, erased.id));
		const [afterRecent] = await db
			.select()
			.from(table.bookings)
			.where(eq(table.bookings.id, kept.id));
		expect(afterOld.answers).toEqual({ employer: 'Birmingham City Council' });
		expect(afterRecent.answers).toEqual(answers);
		expect(await eraseExpiredAnswers(now)).toBe(0);
	});
});

describe('the waiting-list sweep', () => {
	it('offers free places on events still to come, and leaves started ones alone', async () => {
		const coming = await createEvent({ capacity: 1, startsAt: new Date(now.getTime() + 3 * DAY) });
		const started = await createEvent({ capacity: 1, startsAt: new Date(now.getTime() - HOUR) });
		for (const event of [coming, started])
			await createBooking(event, { status: 'waitlisted', waitlistPosition: 1 });

		expect(await offerFreePlacesEverywhere(now)).toBe(1);
		const offered = await db
			.select({ eventId: table.bookings.eventId })
			.from(table.bookings)
			.where(eq(table.bookings.status, 'offered'));
		expect(offered).toEqual([{ eventId: coming.id }]);
	});
});
