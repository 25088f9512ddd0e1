// Random secrets and their stored digests. Secrets are shown once (in a cookie, an email or on
// screen); only their SHA-256 is kept, and comparisons take constant time.
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { generateRandomString, type RandomReader } from '@oslojs/crypto/random';
import { encodeHexLowerCase } from '@oslojs/encoding';

const random: RandomReader = {
	read(bytes) {
		crypto.getRandomValues(bytes as Uint8Array<ArrayBuffer>);
	}
};

// 32 letters and digits without look-alikes (no l, o, 0, 1): 5 bits a character.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** 32 characters = 160 bits: session secrets and link tokens. */
export function generateSecret(length = 32) {
	// 256 is a multiple of 32, so the low five bits of each random byte pick a letter uniformly.
	const bytes = crypto.getRandomValues(new Uint8Array(length));
	let secret = '';
	for (const byte of bytes) secret += ALPHABET[byte & 31];
	return secret;
}

/** An 8-digit code for an email, with leading zeros kept. */
export function generateNumericCode(digits = 8) {
	return generateRandomString(random, '0123456789', digits);
}

export function digestSecret(secret: string) {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

export function secretMatches(secret: string, storedDigest: string) {
	const given = new TextEncoder().encode(digestSecret(secret));
	const stored = new TextEncoder().encode(storedDigest);
	return given.length === stored.length && constantTimeEqual(given, stored);
}
