import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { createBooking, createEvent, createMember, emptyDatabase } from '../testing/fixtures.ts';
import { attendanceByKind, firstStepsLeft, listPastEvents, noShowRate } from './past-events.ts';

const DAY = 24 * 3_600_000;
const now = new Date('2026-12-01T12:00:00Z');

beforeEach(async () => {
	await emptyDatabase();
});

describe('the staff desk over time', () => {
	it('shows first steps on an empty desk', async () => {
		const admin = await createMember({ roles: ['admin'] });
		expect(await firstStepsLeft(admin)).toEqual({ membershipList: true, event: true });
		await createEvent();
		expect(await firstStepsLeft(admin)).toEqual({ membershipList: true, event: false });
	});

	it('counts booked, attended and no-shows per past event and per kind', async () => {
		const organiser = await createMember({ roles: ['organiser'] });
		const other = await createMember({ roles: ['organiser'] });
		const course = await createEvent({
			category: 'course',
			startsAt: new Date(now.getTime() - 10 * DAY)
		});
		await createEvent({ category: 'course', startsAt: new Date(now.getTime() + 10 * DAY) });
		await db
			.insert(table.eventOrganisers)
			.values({ eventId: course.id, userId: organiser.id, addedAt: now });
		for (let i = 0; i < 4; i++)
			await createBooking(course, { checkedInAt: i < 3 ? new Date(course.startsAt) : null });
		await createBooking(course, { status: 'cancelled' });

		const past = await listPastEvents(organiser, now);
		expect(past.map((e) => [e.title, e.booked, e.attended])).toEqual([[course.title, 4, 3]]);
		expect(attendanceByKind(past)).toEqual([
			{ category: 'course', events: 1, booked: 4, attended: 3, noShowRate: 25 }
		]);
		expect(await listPastEvents(other, now)).toEqual([]);
		expect(noShowRate(0, 0)).toBeNull();
	});
});
