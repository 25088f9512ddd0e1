// Builders for the ballot tests: a course with a ballot over a fixed January window, and
// members entering it.
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { enterBallot } from '../ballot/entries.ts';
import { saveAllocation } from '../ballot/allocation.ts';
import { db, table } from '../db/index.ts';
import type { Event } from '../db/schema/index.ts';
import { createEvent, createMember, createMemberInGoodStanding } from './fixtures.ts';

export const opens = new Date('2027-01-05T09:00:00Z');
export const closes = new Date('2027-01-12T12:00:00Z');
export const drawAt = new Date('2027-01-12T12:05:00Z');
export const during = new Date('2027-01-08T10:00:00Z');
export const after = new Date('2027-01-12T12:10:00Z');
export const noAnswers = {
	accessNeeds: [],
	accessNotes: '',
	dietary: '',
	employer: '',
	guests: '0'
};

export async function ballotEvent(fields: Partial<Event> = {}, priority = false) {
	const event = await createEvent({
		category: 'course',
		capacity: 3,
		guestsAllowed: 2,
		startsAt: new Date('2027-02-01T09:00:00Z'),
		...fields
	});
	const saved = await saveAllocation(
		event,
		{ mode: 'ballot', entriesOpenAt: opens, entriesCloseAt: closes, drawAt, priority },
		event.createdBy ?? (await createMember()).id,
		new Date('2027-01-01T00:00:00Z')
	);
	expect(saved).toEqual({ ok: true });
	const [fresh] = await db.select().from(table.events).where(eq(table.events.id, event.id));
	return fresh;
}

export async function entrants(event: Event, n: number, guests = '0') {
	const members = await Promise.all(
		Array.from({ length: n }, () => createMemberInGoodStanding(during))
	);
	for (const m of members) {
		const entered = await enterBallot(event.id, m.id, { ...noAnswers, guests }, during);
		expect(entered.ok).toBe(true);
	}
	return members;
}

export const mailTo = (email: string) =>
	db.select().from(table.outbox).where(eq(table.outbox.recipient, email));
export const bookingsOf = (eventId: number) =>
	db.select().from(table.bookings).where(eq(table.bookings.eventId, eventId));
