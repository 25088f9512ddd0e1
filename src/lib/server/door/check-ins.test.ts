import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { createBooking, createEvent, emptyDatabase } from '../testing/fixtures.ts';
import { recordCheckIns, undoCheckIn } from './check-ins.ts';
import { ticketDigestOf, ticketToken, verifyTicketToken } from './tickets.ts';
import { parseTicket, ticketDigest } from '../../door/ticket-format.ts';

const HOUR = 3_600_000;
const audit = { actorUserId: null, action: 'door.check-ins-sent' };

beforeEach(emptyDatabase);

async function threeSessionCourse() {
	const start = new Date('2027-01-25T09:00:00Z');
	const sessions = [0, 1, 2].map((d) => ({
		startsAt: new Date(start.getTime() + d * 24 * HOUR),
		endsAt: new Date(start.getTime() + d * 24 * HOUR + 6 * HOUR)
	}));
	const event = await createEvent({ category: 'course', sessions });
	const ids = await db
		.select()
		.from(table.eventSessions)
		.where(eq(table.eventSessions.eventId, event.id))
		.orderBy(table.eventSessions.startsAt);
	return { event, sessionIds: ids.map((s) => s.id) };
}

const at = (iso: string) => new Date(iso);

describe('check-ins at the door', () => {
	it('records one check-in per session, and the booking keeps its first arrival', async () => {
		const { event, sessionIds } = await threeSessionCourse();
		const booking = await createBooking(event);
		const results = await recordCheckIns(
			event.id,
			sessionIds.slice(0, 2).map((sessionId, i) => ({
				clientId: `a-${i}`,
				bookingUid: booking.uid,
				sessionId,
				checkedInAt: at(`2027-01-2${5 + i}T08:55:00Z`),
				deviceId: 'phone A'
			})),
			audit
		);
		expect(results.map((r) => r.outcome)).toEqual(['recorded', 'recorded']);
		const rows = await db.select().from(table.checkIns);
		expect(rows).toHaveLength(2);
		const [stored] = await db
			.select()
			.from(table.bookings)
			.where(eq(table.bookings.uid, booking.uid));
		expect(stored.checkedInAt).toEqual(at('2027-01-25T08:55:00Z'));
	});

	it('keeps the earliest of two devices, whatever order they send in, and a resend once', async () => {
		const { event, sessionIds } = await threeSessionCourse();
		const booking = await createBooking(event);
		const base = { bookingUid: booking.uid, sessionId: sessionIds[0] };
		const late = {
			...base,
			clientId: 'b-1',
			checkedInAt: at('2027-01-25T09:05:00Z'),
			deviceId: 'B'
		};
		const early = {
			...base,
			clientId: 'a-1',
			checkedInAt: at('2027-01-25T09:02:00Z'),
			deviceId: 'A'
		};
		expect(await recordCheckIns(event.id, [late], audit)).toMatchObject([{ outcome: 'recorded' }]);
		expect(await recordCheckIns(event.id, [early, early], audit)).toMatchObject([
			{ outcome: 'recorded', deviceId: 'A' }
		]);
		expect(await recordCheckIns(event.id, [late], audit)).toMatchObject([
			{ outcome: 'conflict', deviceId: 'A', checkedInAt: early.checkedInAt }
		]);
		expect(await recordCheckIns(event.id, [early], audit)).toMatchObject([{ outcome: 'recorded' }]);
		expect(await db.select().from(table.checkIns)).toHaveLength(1);
	});

	it('refuses a cancelled booking, another event and a session of another event', async () => {
		const { event, sessionIds } = await threeSessionCourse();
		const other = await threeSessionCourse();
		const cancelled = await createBooking(event, { status: 'cancelled' });
		const fine = await createBooking(event);
		const elsewhere = await createBooking(other.event);
		const tap = (bookingUid: string, sessionId: number, clientId: string) => ({
			clientId,
			bookingUid,
			sessionId,
			checkedInAt: at('2027-01-25T09:00:00Z'),
			deviceId: 'A'
		});
		const results = await recordCheckIns(
			event.id,
			[
				tap(cancelled.uid, sessionIds[0], 'x1'),
				tap(elsewhere.uid, sessionIds[0], 'x2'),
				tap(fine.uid, other.sessionIds[0], 'x3')
			],
			audit
		);
		expect(results).toMatchObject([
			{ outcome: 'refused', reason: 'Booking cancelled' },
			{ outcome: 'refused', reason: 'No such booking for this event' },
			{ outcome: 'refused', reason: 'Not a session of this event' }
		]);
		expect(await db.select().from(table.checkIns)).toHaveLength(0);
	});

	it('undoes a session check-in and works the first arrival out again', async () => {
		const { event, sessionIds } = await threeSessionCourse();
		const booking = await createBooking(event);
		await recordCheckIns(
			event.id,
			[
				{
					clientId: 'u-1',
					bookingUid: booking.uid,
					sessionId: sessionIds[0],
					checkedInAt: at('2027-01-25T09:00:00Z'),
					deviceId: 'A'
				}
			],
			audit
		);
		await undoCheckIn(event.id, booking.uid, sessionIds[0], audit);
		const [stored] = await db
			.select()
			.from(table.bookings)
			.where(eq(table.bookings.uid, booking.uid));
		expect(stored.checkedInAt).toBeNull();
	});
});

describe('tickets', () => {
	it('verifies a ticket the server signed and refuses a forged or altered one', () => {
		const token = ticketToken('abcdefghijkmnpqr', 42);
		expect(verifyTicketToken(token)).toMatchObject({ bookingUid: 'abcdefghijkmnpqr', eventId: 42 });
		expect(verifyTicketToken(token.replace('.42.', '.43.'))).toBeNull();
		const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
		expect(verifyTicketToken(forged)).toBeNull();
		expect(verifyTicketToken('hello')).toBeNull();
	});

	it('gives a door device a digest that matches the ticket but cannot make one', () => {
		const token = ticketToken('abcdefghijkmnpqr', 42);
		const parts = parseTicket(token)!;
		expect(ticketDigest(parts.signature)).toBe(ticketDigestOf('abcdefghijkmnpqr', 42));
		expect(ticketDigestOf('abcdefghijkmnpqr', 42)).not.toContain(parts.signature);
	});
});
