import ICAL from 'ical.js';
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { createEvent, emptyDatabase } from '../testing/fixtures.ts';
import { book, HOUR, mailTo, members, now } from '../testing/booking-fixtures.ts';
import { bookPlace, waitingPositionOf } from './book.ts';
import { cancelBooking } from './cancel.ts';
import { declineOffer, expireOffers } from './offers.ts';
import { offerExpiresAt } from './offer-window.ts';

beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.outbox);
});

/** A one-place event: a books it, b then c wait, and a cancels now, so b holds an offer. */
async function offerToSecondOfThree() {
	const event = await createEvent({ capacity: 1, startsAt: new Date(now.getTime() + 72 * HOUR) });
	const [a, b, c] = await members(3);
	const first = await book(event.id, a.id);
	const second = await book(event.id, b.id);
	await book(event.id, c.id);
	if (!first.ok || !second.ok) throw new Error('booking failed');
	await cancelBooking({ bookingUid: first.booking.uid, userId: a.id }, now);
	return { b, c, second };
}

describe('cancelling and the waiting list', () => {
	it('frees the place, sends a CANCEL, and offers it to the first person waiting', async () => {
		const event = await createEvent({ capacity: 1, startsAt: new Date(now.getTime() + 72 * HOUR) });
		const [a, b, c] = await members(3);
		const first = await book(event.id, a.id);
		await book(event.id, b.id);
		await book(event.id, c.id);
		if (!first.ok) throw new Error('booking failed');

		expect(await cancelBooking({ bookingUid: first.booking.uid, userId: a.id }, now)).toEqual({
			ok: true,
			was: 'confirmed'
		});
		const cancel = (await mailTo(a.email)).find((m) => m.template === 'booking-cancelled')!;
		expect(cancel.calendarMethod).toBe('CANCEL');
		const ics = new ICAL.Component(ICAL.parse(cancel.calendarIcs!));
		expect(ics.getFirstSubcomponent('vevent')!.getFirstPropertyValue('status')).toBe('CANCELLED');

		const [offer] = await db
			.select()
			.from(table.bookings)
			.where(and(eq(table.bookings.userId, b.id)));
		expect(offer.status).toBe('offered');
		expect(offer.offerExpiresAt!.getTime()).toBe(now.getTime() + 24 * HOUR);
		expect((await mailTo(b.email)).map((m) => m.template)).toContain('booking-offer');
		const [stillWaiting] = await db
			.select()
			.from(table.bookings)
			.where(eq(table.bookings.userId, c.id));
		expect(stillWaiting.status).toBe('waitlisted');
		expect(await waitingPositionOf(stillWaiting)).toBe(1);
	});

	it('confirms an offer accepted in time, with a REQUEST invite', async () => {
		const event = await createEvent({ capacity: 1, startsAt: new Date(now.getTime() + 72 * HOUR) });
		const [a, b] = await members(2);
		const first = await book(event.id, a.id);
		const second = await book(event.id, b.id);
		if (!first.ok || !second.ok) throw new Error('booking failed');
		await cancelBooking({ bookingUid: first.booking.uid, userId: a.id }, now);
		const later = new Date(now.getTime() + HOUR);
		expect(await bookPlace({ offer: second.booking.uid, userId: b.id }, later)).toMatchObject({
			ok: true
		});
		const confirmations = (await mailTo(b.email)).filter((m) => m.template === 'booking-confirmed');
		expect(confirmations).toHaveLength(1);
		expect(confirmations[0].calendarMethod).toBe('REQUEST');
	});

	it('refuses an expired offer and passes the place on', async () => {
		const { b, c, second } = await offerToSecondOfThree();
		const tooLate = new Date(now.getTime() + 25 * HOUR);
		expect(await bookPlace({ offer: second.booking.uid, userId: b.id }, tooLate)).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/^This offer expired at/)
		});
		expect(await expireOffers(tooLate)).toBe(1);
		expect((await mailTo(b.email)).map((m) => m.template)).toContain('booking-offer-expired');
		const [next] = await db.select().from(table.bookings).where(eq(table.bookings.userId, c.id));
		expect(next.status).toBe('offered');
		expect(await bookPlace({ offer: second.booking.uid, userId: b.id }, tooLate)).toMatchObject({
			ok: false
		});
	});

	it('passes a declined offer to the next person', async () => {
		const { b, c, second } = await offerToSecondOfThree();
		expect(await declineOffer(second.booking.uid, b.id, now)).toEqual({ ok: true });
		const [next] = await db.select().from(table.bookings).where(eq(table.bookings.userId, c.id));
		expect(next.status).toBe('offered');
	});

	it('closes the waiting list two hours before the start: a freed place is open to book', async () => {
		const start = new Date(now.getTime() + 90 * 60_000);
		expect(offerExpiresAt(start, now)).toBeNull();
		expect(offerExpiresAt(new Date(now.getTime() + 10 * HOUR), now)!.getTime()).toBe(
			now.getTime() + 8 * HOUR
		);

		const event = await createEvent({ capacity: 1, startsAt: new Date(now.getTime() + 72 * HOUR) });
		const [a, b, c] = await members(3);
		const first = await book(event.id, a.id);
		await book(event.id, b.id);
		if (!first.ok) throw new Error('booking failed');
		const lastMinute = new Date(now.getTime() + 71 * HOUR);
		await cancelBooking({ bookingUid: first.booking.uid, userId: a.id }, lastMinute);
		const [waiting] = await db.select().from(table.bookings).where(eq(table.bookings.userId, b.id));
		expect(waiting.status).toBe('waitlisted');
		expect(await book(event.id, c.id, lastMinute)).toMatchObject({
			booking: { status: 'confirmed' }
		});
	});

	it('will not cancel online once the event has started', async () => {
		const event = await createEvent({ capacity: 5, startsAt: new Date(now.getTime() + HOUR) });
		const [a] = await members(1);
		const placed = await book(event.id, a.id);
		if (!placed.ok) throw new Error('booking failed');
		const started = new Date(now.getTime() + 2 * HOUR);
		expect(
			await cancelBooking({ bookingUid: placed.booking.uid, userId: a.id }, started)
		).toMatchObject({ ok: false });
	});
});
