import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { createBooking, createEvent, createMember, emptyDatabase } from '../testing/fixtures.ts';
import { recordCheckIns } from './check-ins.ts';
import { loadRoster } from './roster.ts';
import { ticketDigestOf } from './tickets.ts';

const HOUR = 3_600_000;

beforeEach(emptyDatabase);

describe('the roster a door device downloads', () => {
	it('lists the places in name order with each session check-in, and leaves out the waiting list', async () => {
		const start = new Date('2027-01-25T09:00:00Z');
		const event = await createEvent({
			category: 'course',
			sessions: [1, 0].map((d) => ({
				startsAt: new Date(start.getTime() + d * 24 * HOUR),
				endsAt: new Date(start.getTime() + d * 24 * HOUR + 6 * HOUR)
			}))
		});
		const sessions = await db
			.select()
			.from(table.eventSessions)
			.where(eq(table.eventSessions.eventId, event.id))
			.orderBy(asc(table.eventSessions.startsAt));
		const zoe = await createMember({ name: 'Zoe Roster', membershipNumber: 'R1' });
		const amy = await createMember({ name: 'Amy Roster' });
		const waiting = await createMember({ name: 'Will Waiting' });
		const zoeBooking = await createBooking(event, { userId: zoe.id, guests: 1 });
		const amyBooking = await createBooking(event, { userId: amy.id, status: 'cancelled' });
		await createBooking(event, { userId: waiting.id, status: 'waitlisted', waitlistPosition: 1 });
		const arrived = new Date('2027-01-25T08:50:00Z');
		await recordCheckIns(
			event.id,
			[
				{
					clientId: 'roster-test-1',
					bookingUid: zoeBooking.uid,
					sessionId: sessions[0].id,
					checkedInAt: arrived,
					deviceId: 'Door A'
				}
			],
			{ actorUserId: null, action: 'door.check-ins-sent' }
		);

		const roster = await loadRoster(event.id, new Date('2027-01-25T09:00:00Z'));

		expect(roster?.event).toEqual({
			id: event.id,
			title: event.title,
			capacity: event.capacity,
			membersOnly: event.membersOnly
		});
		expect(roster?.sessions.map((s) => s.id)).toEqual(sessions.map((s) => s.id));
		expect(roster?.sessions[0].startsAt).toBe(start.getTime());
		expect(roster?.people).toEqual([
			{
				uid: amyBooking.uid,
				name: 'Amy Roster',
				membershipNumber: null,
				guests: 0,
				status: 'cancelled',
				ticket: ticketDigestOf(amyBooking.uid, event.id),
				checkIns: []
			},
			{
				uid: zoeBooking.uid,
				name: 'Zoe Roster',
				membershipNumber: 'R1',
				guests: 1,
				status: 'confirmed',
				ticket: ticketDigestOf(zoeBooking.uid, event.id),
				checkIns: [{ session: sessions[0].id, at: arrived.getTime(), device: 'Door A' }]
			}
		]);
		expect(roster?.readAt).toBe(new Date('2027-01-25T09:00:00Z').getTime());
	});

	it('is null for an event that does not exist', async () => {
		expect(await loadRoster(987_654)).toBeNull();
	});
});
