// For the booking tests: a fixed "now", members in good standing, a plain booking made at a
// given moment, and the mail queued for one address.
import { eq } from 'drizzle-orm';
import { db, table } from '../db/index.ts';
import { bookPlace } from '../bookings/book.ts';
import { createMemberInGoodStanding } from './fixtures.ts';

export const HOUR = 3_600_000;
export const now = new Date('2026-11-22T10:00:00Z');

export async function book(eventId: number, userId: number, at = now, guests = 0) {
	return bookPlace({ eventId, userId, answers: {}, guests }, at);
}

export async function mailTo(email: string) {
	return db.select().from(table.outbox).where(eq(table.outbox.recipient, email));
}

export async function members(n: number) {
	return Promise.all(Array.from({ length: n }, () => createMemberInGoodStanding(now)));
}
