// The booking a ticket stands for, and the QR code that carries it. A ticket whose booking is
// cancelled (or whose signature the server did not make) is no ticket at all.
import { and, eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { db, table } from '../db/index.ts';
import { findConfirmedBooking } from '../bookings/confirmed-booking.ts';
import { ticketToken, verifyTicketToken } from './tickets.ts';

/** The confirmed booking this ticket admits to, or null. */
export async function findTicketBooking(token: string) {
	const parts = verifyTicketToken(token);
	if (!parts) return null;
	const [row] = await db
		.select({ uid: table.bookings.uid, eventId: table.bookings.eventId })
		.from(table.bookings)
		.where(
			and(
				eq(table.bookings.uid, parts.bookingUid),
				eq(table.bookings.eventId, parts.eventId),
				eq(table.bookings.status, 'confirmed')
			)
		);
	return row ?? null;
}

export function ticketQrPng(token: string) {
	return QRCode.toBuffer(token, { type: 'png', width: 400, margin: 2, errorCorrectionLevel: 'M' });
}

export function ticketQrSvg(token: string) {
	return QRCode.toString(token, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}

/** A member's own confirmed booking, with its ticket drawn as an SVG QR code. */
export async function loadMemberTicket(bookingUid: string, userId: number) {
	const row = await findConfirmedBooking(bookingUid, eq(table.bookings.userId, userId));
	if (!row) return null;
	const token = ticketToken(row.booking.uid, row.event.id);
	return {
		name: row.member.name,
		guests: row.booking.guests,
		event: {
			title: row.event.title,
			startsAt: row.event.startsAt,
			endsAt: row.event.endsAt,
			venue: [row.event.venueName, row.event.venueAddress, row.event.venuePostcode]
				.filter(Boolean)
				.join(', ')
		},
		qrSvg: await ticketQrSvg(token)
	};
}
