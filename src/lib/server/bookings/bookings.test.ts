import ICAL from 'ical.js';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { createEvent, createMember, emptyDatabase } from '../testing/fixtures.ts';
import { book, HOUR, mailTo, members, now } from '../testing/booking-fixtures.ts';
import { assessStanding } from '../members/standing.ts';
import { decideBooking } from './eligibility.ts';

const paidUp = {
	emailVerified: true,
	standing: assessStanding(
		{ membershipNumber: 'B1', memberVerifiedAt: now },
		{ surname: 'Okafor', postcode: 'B1 1AA', joinedOn: '2020-01-01', subsPaidTo: '2026-11-01' },
		now
	)
};
const lapsed = {
	emailVerified: true,
	standing: assessStanding(
		{ membershipNumber: 'B2', memberVerifiedAt: now },
		{ surname: 'Hughes', postcode: 'B1 1AA', joinedOn: '2020-01-01', subsPaidTo: '2026-06-01' },
		now
	)
};

beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.outbox);
});

describe('who may book', () => {
	const event = {
		category: 'course',
		membersOnly: false,
		status: 'published',
		booking: 'required',
		bookingOpensAt: null,
		bookingClosesAt: null
	} as const;
	const start = new Date(now.getTime() + 48 * HOUR);

	it('keeps courses for members in good standing, and says how to fix it', () => {
		expect(decideBooking(event, start, lapsed, now)).toMatchObject({
			allowed: false,
			reason: expect.stringMatching(
				/^Courses and grant help sessions are for branch members whose subs are up to date\. The membership list shows your subs paid up to/
			),
			fix: { href: '/account' }
		});
		expect(decideBooking(event, start, paidUp, now)).toEqual({ allowed: true });
		expect(decideBooking({ ...event, category: 'celebration' }, start, lapsed, now)).toEqual({
			allowed: true
		});
	});

	it('respects the booking window and closes when the event starts', () => {
		const opens = new Date(now.getTime() + HOUR);
		expect(decideBooking({ ...event, bookingOpensAt: opens }, start, paidUp, now)).toMatchObject({
			allowed: false,
			reason: expect.stringMatching(/^Booking opens on/)
		});
		expect(decideBooking({ ...event, bookingClosesAt: now }, start, paidUp, now)).toMatchObject({
			reason: 'Booking for this event has closed.'
		});
		expect(decideBooking(event, now, paidUp, now)).toMatchObject({
			allowed: false,
			reason: expect.stringMatching(/already started/)
		});
	});
});

describe('booking a place', () => {
	it('refuses a course to someone whose membership is not confirmed, with the reason', async () => {
		const course = await createEvent({ category: 'course' });
		const stranger = await createMember({ emailVerifiedAt: now });
		expect(await book(course.id, stranger.id)).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/^Courses and grant help sessions are for branch members/)
		});
		const party = await createEvent({ category: 'celebration' });
		expect((await book(party.id, stranger.id)).ok).toBe(true);
	});

	it('confirms while places last, then queues people in order, emailing each', async () => {
		const event = await createEvent({ capacity: 2, startsAt: new Date(now.getTime() + 72 * HOUR) });
		const [a, b, c, d] = await members(4);
		expect((await book(event.id, a.id)).ok && (await book(event.id, b.id)).ok).toBe(true);
		const third = await book(event.id, c.id);
		const fourth = await book(event.id, d.id);
		expect(third).toMatchObject({
			ok: true,
			booking: { status: 'waitlisted' },
			waitingPosition: 1
		});
		expect(fourth).toMatchObject({
			ok: true,
			booking: { status: 'waitlisted' },
			waitingPosition: 2
		});

		const [confirmation] = await mailTo(a.email);
		expect(confirmation.template).toBe('booking-confirmed');
		expect(confirmation.calendarMethod).toBe('REQUEST');
		const vevent = new ICAL.Component(ICAL.parse(confirmation.calendarIcs!)).getFirstSubcomponent(
			'vevent'
		)!;
		expect(vevent.getFirstProperty('attendee')!.getFirstValue()).toBe(`MAILTO:${a.email}`);
		const [waiting] = await mailTo(d.email);
		expect(waiting.subject).toBe(`Waiting list: ${event.title}`);
		expect(waiting.textBody).toContain('You are number 2 on the waiting list');
	});

	it('counts guests against capacity', async () => {
		const event = await createEvent({ capacity: 3, guestsAllowed: 2 });
		const [a, b] = await members(2);
		expect((await book(event.id, a.id, now, 2)).ok).toBe(true);
		expect(await book(event.id, b.id, now, 1)).toMatchObject({ booking: { status: 'waitlisted' } });
	});

	it('makes one booking from a double submit', async () => {
		const event = await createEvent({ capacity: 5 });
		const [a] = await members(1);
		const [first, second] = await Promise.all([book(event.id, a.id), book(event.id, a.id)]);
		expect([first.ok, second.ok].sort()).toEqual([false, true]);
		const rows = await db.select().from(table.bookings).where(eq(table.bookings.userId, a.id));
		expect(rows).toHaveLength(1);
		expect(await mailTo(a.email)).toHaveLength(1);
	});

	it('gives a crowd booking at one moment places in arrival order, then numbered queue places', async () => {
		const event = await createEvent({
			capacity: 2,
			guestsAllowed: 1,
			startsAt: new Date(now.getTime() + 72 * HOUR)
		});
		const crowd = await members(5);
		// The second brings a guest and does not fit; nobody behind them may jump the queue.
		const outcomes = await Promise.all(
			crowd.map((m, i) => book(event.id, m.id, now, i === 1 ? 1 : 0))
		);
		expect(outcomes.map((o) => o.ok && o.booking.status)).toEqual([
			'confirmed',
			'waitlisted',
			'waitlisted',
			'waitlisted',
			'waitlisted'
		]);
		expect(outcomes.map((o) => o.ok && o.waitingPosition)).toEqual([null, 1, 2, 3, 4]);
		for (const [i, member] of crowd.entries()) {
			const mail = await mailTo(member.email);
			expect(mail.map((m) => m.template)).toEqual([
				i === 0 ? 'booking-confirmed' : 'booking-waitlisted'
			]);
			if (i > 0) expect(mail[0].textBody).toContain(`You are number ${i} on the waiting list`);
		}
	});

	it('inside the last two hours, a crowd gets the free places and the rest a clear no', async () => {
		const event = await createEvent({ capacity: 2, startsAt: new Date(now.getTime() + HOUR) });
		const crowd = await members(4);
		const outcomes = await Promise.all(crowd.map((m) => book(event.id, m.id)));
		expect(outcomes.map((o) => (o.ok ? o.booking.status : o.reason))).toEqual([
			'confirmed',
			'confirmed',
			'The event is full and its waiting list has closed.',
			'The event is full and its waiting list has closed.'
		]);
	});

	it('books against the event as it is now, even when it changed just after being read', async () => {
		const event = await createEvent({ capacity: 5 });
		const [a, b, c] = await members(3);
		expect((await book(event.id, a.id)).ok).toBe(true);
		await db
			.update(table.events)
			.set({ title: 'Renamed quiz', updatedAt: new Date(now.getTime() + 60_000) })
			.where(eq(table.events.id, event.id));
		expect((await book(event.id, b.id)).ok).toBe(true);
		expect((await mailTo(b.email)).map((m) => m.subject)).toEqual(['Booked: Renamed quiz']);

		await db
			.update(table.events)
			.set({ status: 'cancelled', updatedAt: new Date(now.getTime() + 120_000) })
			.where(eq(table.events.id, event.id));
		expect(await book(event.id, c.id)).toEqual({
			ok: false,
			reason: 'This event has been cancelled.',
			fix: undefined
		});
	});

	it('sends a multi-session course one invitation per session, each with its own UID', async () => {
		const start = new Date(now.getTime() + 7 * 24 * HOUR);
		const course = await createEvent({
			category: 'course',
			sessions: [0, 1, 2].map((w) => ({
				startsAt: new Date(start.getTime() + w * 7 * 24 * HOUR),
				endsAt: new Date(start.getTime() + w * 7 * 24 * HOUR + 6 * HOUR)
			}))
		});
		const [a] = await members(1);
		await book(course.id, a.id);
		const mail = await mailTo(a.email);
		expect(mail.map((m) => m.calendarMethod)).toEqual(['REQUEST', 'REQUEST', 'REQUEST']);
		const uids = mail.map((m) =>
			new ICAL.Component(ICAL.parse(m.calendarIcs!))
				.getFirstSubcomponent('vevent')!
				.getFirstPropertyValue('uid')
		);
		expect(new Set(uids).size).toBe(3);
	});
});
