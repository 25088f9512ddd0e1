import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { createBooking, createEvent, createMember, emptyDatabase } from '../testing/fixtures.ts';
import { lastTwelveMonths, listManagedEvents, waitingListDemand } from './dashboard.ts';

beforeEach(emptyDatabase);

describe('the staff desk', () => {
	it('shows an organiser only their own upcoming events, with places, queue and arrivals', async () => {
		const me = await createMember({ roles: ['organiser'] });
		const mine = await createEvent({ capacity: 3, title: 'Mine' });
		await createEvent({ title: 'Not mine' });
		await db
			.insert(table.eventOrganisers)
			.values({ eventId: mine.id, userId: me.id, addedAt: new Date() });
		await createBooking(mine, { checkedInAt: new Date() });
		await createBooking(mine, { guests: 1 });
		await createBooking(mine, { status: 'waitlisted', waitlistPosition: 1 });
		const rows = await listManagedEvents(me);
		expect(rows).toEqual([
			expect.objectContaining({
				title: 'Mine',
				capacity: 3,
				placesTaken: 3,
				confirmed: 2,
				waiting: 1,
				checkedIn: 1
			})
		]);
		const admin = await createMember({ roles: ['admin'] });
		expect(await listManagedEvents(admin)).toHaveLength(2);
	});

	it('counts waiting-list demand per category, month by month, over the last 12 London months', async () => {
		const now = new Date('2026-11-22T12:00:00Z');
		const me = await createMember({ roles: ['organiser'] });
		const course = await createEvent({ category: 'course' });
		const secondCourse = await createEvent({ category: 'course' });
		const rally = await createEvent({ category: 'day-of-action' });
		const notMine = await createEvent({ category: 'celebration' });
		for (const event of [course, secondCourse, rally]) {
			await db
				.insert(table.eventOrganisers)
				.values({ eventId: event.id, userId: me.id, addedAt: now });
		}
		let position = 0;
		const waited = (
			event: typeof course,
			at: string,
			status: 'waitlisted' | 'offered' = 'waitlisted'
		) => createBooking(event, { status, waitlistPosition: ++position, createdAt: new Date(at) });
		// 00:30 on 1 April in London (summer time) is still 31 March in UTC.
		await waited(course, '2026-03-31T23:30:00Z');
		await waited(course, '2026-04-15T10:00:00Z', 'offered');
		await waited(secondCourse, '2026-04-20T10:00:00Z');
		await waited(course, '2026-11-01T09:00:00Z');
		// The first moment of the window, and the last moment before it.
		await waited(rally, '2025-12-01T00:00:00Z');
		await waited(rally, '2025-11-30T23:59:59Z');
		await waited(notMine, '2026-06-01T10:00:00Z');
		// Booked straight away: not demand.
		await createBooking(course, { createdAt: new Date('2026-05-01T10:00:00Z') });

		const { months, categories } = await waitingListDemand(me, now);
		expect(months.map((m) => m.name)).toEqual([
			'Dec 2025',
			'Jan 2026',
			'Feb 2026',
			'Mar 2026',
			'Apr 2026',
			'May 2026',
			'Jun 2026',
			'Jul 2026',
			'Aug 2026',
			'Sep 2026',
			'Oct 2026',
			'Nov 2026'
		]);
		const of = (category: string) => categories.find((c) => c.category === category)!;
		expect(of('course')).toEqual({
			category: 'course',
			monthly: [0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 1],
			joined: 4,
			events: 2
		});
		expect(of('day-of-action').monthly).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
		expect(of('celebration')).toEqual({
			category: 'celebration',
			monthly: Array(12).fill(0),
			joined: 0,
			events: 0
		});

		const admin = await createMember({ roles: ['admin'] });
		const branch = await waitingListDemand(admin, now);
		expect(branch.categories.find((c) => c.category === 'celebration')!.monthly[6]).toBe(1);
	});

	it('starts each month at London midnight across the clock change', () => {
		const months = lastTwelveMonths(new Date('2026-04-01T00:30:00+01:00'));
		expect(months.at(-1)!.name).toBe('Apr 2026');
		expect(months.at(-1)!.start.toISOString()).toBe('2026-03-31T23:00:00.000Z');
		expect(months[0].name).toBe('May 2025');
		expect(months.find((m) => m.name === 'Jan 2026')!.start.toISOString()).toBe(
			'2026-01-01T00:00:00.000Z'
		);
	});
});
