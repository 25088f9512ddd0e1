// The waiting list: when places free up, the first person waiting is offered one, by email,
// for a limited time. Every step is a guarded single write, so processes racing to make the
// same offer make it once, and a place is never offered twice.
import { and, asc, eq, gt, lte, sql, type SQL } from 'drizzle-orm';
import { db, table } from '../db/index.ts';
import type { Booking } from '../db/schema/index.ts';
import { queueEmailIf } from '../email/outbox.ts';
import { wakeEmailWorker } from '../email/worker.ts';
import { formatDayAndTime } from '../../london-time.ts';
import { placesTakenSql } from './places.ts';
import { bookingContextFor, loadEventWithSessions } from './booking-context.ts';
import { placeConfirmedEmails } from './confirmation-email.ts';
import { offerExpiredEmail, placeOfferedEmail } from './emails.ts';
import { offerExpiresAt } from './offer-window.ts';

/** A booking cancelled now, if it still meets `guards`: the one write every cancellation makes. */
export function cancelBookingRow(bookingId: number, now: Date, ...guards: SQL[]) {
	return db
		.update(table.bookings)
		.set({ status: 'cancelled', cancelledAt: now, statusChangedAt: now })
		.where(and(eq(table.bookings.id, bookingId), ...guards));
}

const changedNow = (uid: string, status: string, now: Date) =>
	sql`exists (select 1 from bookings where uid = ${uid} and status = ${status} and status_changed_at = ${now.getTime()})`;

/** Offers free places to the people waiting, first come first served, until none fit. */
export async function offerFreedPlaces(eventId: number, now = new Date()) {
	let offers = 0;
	for (let guard = 0; guard < 500; guard++) {
		const found = await loadEventWithSessions(eventId);
		if (!found || found.event.status !== 'published' || found.event.capacity === null) break;
		const expiresAt = offerExpiresAt(found.sessions[0].startsAt, now);
		if (!expiresAt) break;
		const [next] = await db
			.select()
			.from(table.bookings)
			.where(and(eq(table.bookings.eventId, eventId), eq(table.bookings.status, 'waitlisted')))
			.orderBy(asc(table.bookings.waitlistPosition))
			.limit(1);
		if (!next) break;
		const context = await bookingContextFor(next);
		if (!context) break;
		const [offered] = await db.batch([
			db
				.update(table.bookings)
				.set({ status: 'offered', offerExpiresAt: expiresAt, statusChangedAt: now })
				.where(
					and(
						eq(table.bookings.id, next.id),
						eq(table.bookings.status, 'waitlisted'),
						sql`${placesTakenSql(eventId)} + 1 + ${table.bookings.guests} <= ${found.event.capacity}`,
						sql`not exists (select 1 from bookings ahead where ahead.event_id = ${eventId}
							and ahead.status = 'waitlisted' and ahead.waitlist_position < ${next.waitlistPosition})`
					)
				)
				.returning({ id: table.bookings.id }),
			queueEmailIf(
				db,
				placeOfferedEmail(context, expiresAt),
				changedNow(next.uid, 'offered', now),
				{ now }
			)
		]);
		if (offered.length === 0) break;
		offers++;
	}
	if (offers) wakeEmailWorker();
	return offers;
}

export type OfferAnswer = { ok: true } | { ok: false; reason: string };
type AcceptedOffer =
	{ ok: true; booking: Booking; waitingPosition: null } | { ok: false; reason: string };

async function findMembersOffer(bookingUid: string, userId: number) {
	const [booking] = await db
		.select()
		.from(table.bookings)
		.where(and(eq(table.bookings.uid, bookingUid), eq(table.bookings.userId, userId)));
	return booking ?? null;
}

function expiredMessage(booking: Booking) {
	return `This offer expired at ${formatDayAndTime(booking.offerExpiresAt!)}, so the place has gone to the next person waiting.`;
}

/** Takes up an offered place while the offer stands. Members reach it through bookPlace. */
export async function acceptOffer(
	bookingUid: string,
	userId: number,
	now = new Date()
): Promise<AcceptedOffer> {
	const booking = await findMembersOffer(bookingUid, userId);
	if (!booking) return { ok: false, reason: 'We could not find that offer.' };
	if (booking.status === 'confirmed') return { ok: true, booking, waitingPosition: null };
	if (booking.offerExpiresAt && booking.offerExpiresAt.getTime() <= now.getTime()) {
		return { ok: false, reason: expiredMessage(booking) };
	}
	if (booking.status !== 'offered') return { ok: false, reason: 'This offer is no longer open.' };
	const context = await bookingContextFor(booking);
	if (!context) return { ok: false, reason: 'This offer is no longer open.' };
	const [accepted] = await db.batch([
		db
			.update(table.bookings)
			.set({ status: 'confirmed', offerExpiresAt: null, statusChangedAt: now })
			.where(
				and(
					eq(table.bookings.id, booking.id),
					eq(table.bookings.status, 'offered'),
					sql`${table.bookings.offerExpiresAt} > ${now.getTime()}`
				)
			)
			.returning({ id: table.bookings.id }),
		...placeConfirmedEmails(context, 'Your place is confirmed').map((email) =>
			queueEmailIf(db, email, changedNow(booking.uid, 'confirmed', now), { now })
		)
	]);
	if (accepted.length === 0) return { ok: false, reason: expiredMessage(booking) };
	wakeEmailWorker();
	const confirmed = { ...booking, status: 'confirmed' as const, offerExpiresAt: null };
	return { ok: true, booking: { ...confirmed, statusChangedAt: now }, waitingPosition: null };
}

export async function declineOffer(
	bookingUid: string,
	userId: number,
	now = new Date()
): Promise<OfferAnswer> {
	const booking = await findMembersOffer(bookingUid, userId);
	if (!booking || booking.status !== 'offered')
		return { ok: false, reason: 'This offer is no longer open.' };
	await cancelBookingRow(booking.id, now, eq(table.bookings.status, 'offered'));
	await offerFreedPlaces(booking.eventId, now);
	return { ok: true };
}

/** Job: offers not accepted in time end, and their places go to the next person. */
export async function expireOffers(now = new Date()) {
	const due = await db
		.select()
		.from(table.bookings)
		.where(and(eq(table.bookings.status, 'offered'), lte(table.bookings.offerExpiresAt, now)))
		.limit(200);
	const events = new Set<number>();
	for (const booking of due) {
		const context = await bookingContextFor(booking);
		if (!context) continue;
		await db.batch([
			cancelBookingRow(
				booking.id,
				now,
				eq(table.bookings.status, 'offered'),
				lte(table.bookings.offerExpiresAt, now)
			),
			queueEmailIf(db, offerExpiredEmail(context), changedNow(booking.uid, 'cancelled', now), {
				now
			})
		]);
		events.add(booking.eventId);
	}
	for (const eventId of events) await offerFreedPlaces(eventId, now);
	return due.length;
}

/** Job: makes any offer a race or a raised capacity left unmade. */
export async function offerFreePlacesEverywhere(now = new Date()) {
	// Only events still to come: a started event's waiting list is closed for good.
	const rows = await db
		.selectDistinct({ eventId: table.bookings.eventId })
		.from(table.bookings)
		.innerJoin(table.events, eq(table.events.id, table.bookings.eventId))
		.where(
			and(
				eq(table.bookings.status, 'waitlisted'),
				eq(table.events.status, 'published'),
				gt(table.events.startsAt, now)
			)
		);
	let offers = 0;
	for (const { eventId } of rows) offers += await offerFreedPlaces(eventId, now);
	return offers;
}
