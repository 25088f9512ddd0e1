import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { createBooking, createEvent, createMember, emptyDatabase } from '../testing/fixtures.ts';
import { listManagedEvents, waitingListDemand } from './dashboard.ts';

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

	it('counts waiting-list demand per category over the last year', async () => {
		const me = await createMember({ roles: ['organiser'] });
		const course = await createEvent({ category: 'course' });
		await db
			.insert(table.eventOrganisers)
			.values({ eventId: course.id, userId: me.id, addedAt: new Date() });
		await createBooking(course, { status: 'waitlisted', waitlistPosition: 1 });
		await createBooking(course, { status: 'offered', waitlistPosition: 2 });
		await createBooking(course);
		await createBooking(course, {
			status: 'waitlisted',
			waitlistPosition: 3,
			createdAt: new Date(Date.now() - 400 * 24 * 3_600_000)
		});
		const demand = await waitingListDemand(me);
		expect(demand.find((d) => d.category === 'course')).toEqual({
			category: 'course',
			joined: 2,
			events: 1
		});
		expect(demand.find((d) => d.category === 'celebration')?.joined).toBe(0);
	});
});
