// TOTP keys and codes (RFC 6238): 30-second steps, 6 digits, SHA-1, the settings every
// authenticator app understands. Keys travel as base32, the way apps show and store them.
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeBase32IgnorePadding, encodeBase32NoPadding, encodeBase64 } from '@oslojs/encoding';
import QRCode from 'qrcode';

const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** One step either side, so a code typed as it changes, or on a phone a little fast or slow, works. */
const GRACE_STEPS = 1;
const KEY_BYTES = 20;

const KEY_PATTERN = /^[A-Z2-7]{32}$/;

/** A fresh key: 20 random bytes (160 bits, RFC 4226's recommendation), base32 as apps expect. */
export function generateTotpKey() {
	const bytes = new Uint8Array(KEY_BYTES);
	crypto.getRandomValues(bytes);
	return encodeBase32NoPadding(bytes);
}

export function isTotpKey(value: string) {
	return KEY_PATTERN.test(value);
}

/** The key as people type it into an app by hand: groups of four. */
export function groupKeyForTyping(key: string) {
	return key.match(/.{1,4}/g)?.join(' ') ?? '';
}

export function totpKeyUri(issuer: string, accountName: string, key: string) {
	return createTOTPKeyURI(
		issuer,
		accountName,
		decodeBase32IgnorePadding(key),
		PERIOD_SECONDS,
		DIGITS
	);
}

/** The otpauth:// URI as an SVG QR code, ready for an <img src>. */
export async function totpQrCodeDataUrl(uri: string) {
	const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
	return `data:image/svg+xml;base64,${encodeBase64(new TextEncoder().encode(svg))}`;
}

/**
 * The time step whose code `code` is, within one step either side of `now`, or null. The step
 * is what makes a code one-time: the caller accepts it only if it is later than the last step
 * accepted for that person.
 */
export function matchingTotpStep(key: string, code: string, now = new Date()) {
	const bytes = decodeBase32IgnorePadding(key);
	const current = Math.floor(now.getTime() / (PERIOD_SECONDS * 1000));
	const typed = new TextEncoder().encode(code);
	let matched: number | null = null;
	// Every candidate is compared, so the time taken does not say which step matched.
	for (let step = current - GRACE_STEPS; step <= current + GRACE_STEPS; step++) {
		const expected = new TextEncoder().encode(generateHOTP(bytes, BigInt(step), DIGITS));
		if (expected.length === typed.length && constantTimeEqual(expected, typed)) matched = step;
	}
	return matched;
}

/** The code an app shows at `now` for `key` (the demo's stand-in for a phone). */
export function currentTotpCode(key: string, now = new Date()) {
	const step = BigInt(Math.floor(now.getTime() / (PERIOD_SECONDS * 1000)));
	return generateHOTP(decodeBase32IgnorePadding(key), step, DIGITS);
}

/** Seconds until the code shown at `now` changes. */
export function secondsUntilNextCode(now = new Date()) {
	return PERIOD_SECONDS - (Math.floor(now.getTime() / 1000) % PERIOD_SECONDS);
}
