// The ticket a QR code carries, read the same way on the server and on a door device:
// "BD1.<booking uid>.<event id>.<signature>". It names no person; the signature proves the
// server issued it, and a door device checks it against a digest in its roster.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

export type TicketParts = { bookingUid: string; eventId: number; signature: string };

const TICKET = /^BD1\.([a-z2-9]{8,40})\.(\d{1,12})\.([A-Za-z0-9_-]{16,64})$/;

export function parseTicket(text: string): TicketParts | null {
	const match = TICKET.exec(text.trim());
	if (!match) return null;
	return { bookingUid: match[1], eventId: Number(match[2]), signature: match[3] };
}

/** What a roster holds instead of the signature, so a lost phone cannot make tickets. */
export function ticketDigest(signature: string) {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(signature))).slice(0, 24);
}
