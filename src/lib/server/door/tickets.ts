// Signing tickets: an HMAC over the booking and the event, keyed by a secret derived from the
// server's grant data key (so a deployment has one secret to keep, not two).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { derivedKey } from '../derived-keys.ts';
import { parseTicket, type TicketParts } from '../../door/ticket-format.ts';

const ticketKey = derivedKey('branchdesk ticket signing key');

function signatureOf(bookingUid: string, eventId: number) {
	return createHmac('sha256', ticketKey)
		.update(`ticket:${bookingUid}:${eventId}`)
		.digest()
		.subarray(0, 16)
		.toString('base64url');
}

export function ticketToken(bookingUid: string, eventId: number) {
	return `BD1.${bookingUid}.${eventId}.${signatureOf(bookingUid, eventId)}`;
}

// Two hashes per booking are most of a roster's cost, and a digest never changes: door phones
// fetching the same roster again reuse them. Bounded, so a long-running server stays small.
const digests = new Map<string, string>();
const MOST_DIGESTS_KEPT = 50_000;

/** The roster's digest of this booking's ticket: ticket-format.ts's ticketDigest, by node:crypto. */
export function ticketDigestOf(bookingUid: string, eventId: number) {
	const key = `${bookingUid}:${eventId}`;
	const known = digests.get(key);
	if (known) return known;
	if (digests.size >= MOST_DIGESTS_KEPT) digests.clear();
	const digest = createHash('sha256')
		.update(signatureOf(bookingUid, eventId))
		.digest('hex')
		.slice(0, 24);
	digests.set(key, digest);
	return digest;
}

/** The ticket's booking and event if the server signed it; null for anything else. */
export function verifyTicketToken(token: string): TicketParts | null {
	const parts = parseTicket(token);
	if (!parts) return null;
	const expected = Buffer.from(signatureOf(parts.bookingUid, parts.eventId));
	const given = Buffer.from(parts.signature);
	return expected.length === given.length && timingSafeEqual(expected, given) ? parts : null;
}
