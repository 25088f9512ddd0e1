import { decodeBase32 } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	currentTotpCode,
	generateTotpKey,
	groupKeyForTyping,
	matchingTotpStep,
	totpKeyUri,
	totpQrCodeDataUrl
} from './totp.ts';

afterEach(() => {
	vi.useRealTimers();
});

describe('a new TOTP key', () => {
	it('is 20 random bytes in base32, shown in groups of four for typing', () => {
		const key = generateTotpKey();
		expect(key).toMatch(/^[A-Z2-7]{32}$/);
		expect(decodeBase32(key)).toHaveLength(20);
		expect(generateTotpKey()).not.toBe(key);
		expect(groupKeyForTyping(key)).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
	});

	it('goes to the app as an otpauth URI in an SVG QR code', async () => {
		const key = generateTotpKey();
		const uri = totpKeyUri('Birmingham City Branch', 'grace@example.org', key);
		expect(uri).toMatch(/^otpauth:\/\/totp\/Birmingham%20City%20Branch:grace%40example\.org\?/);
		expect(new URL(uri).searchParams.get('secret')).toBe(key);
		expect(new URL(uri).searchParams.get('period')).toBe('30');
		expect(new URL(uri).searchParams.get('digits')).toBe('6');
		const dataUrl = await totpQrCodeDataUrl(uri);
		expect(dataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
		expect(atob(dataUrl.split(',')[1])).toContain('<svg');
	});
});

describe('a code from the app', () => {
	it('is accepted for its own 30 seconds and one step either side, and no further', () => {
		const key = generateTotpKey();
		const shown = new Date('2026-11-22T10:00:00Z');
		const step = shown.getTime() / 30_000;
		const code = currentTotpCode(key, shown);
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(shown);
		expect(code).toBe(generateTOTP(decodeBase32(key), 30, 6));
		vi.useRealTimers();
		const at = (iso: string) => matchingTotpStep(key, code, new Date(iso));
		expect(at('2026-11-22T10:00:00Z')).toBe(step);
		expect(at('2026-11-22T10:00:59Z')).toBe(step);
		expect(at('2026-11-22T10:01:30Z')).toBeNull();
		expect(at('2026-11-22T09:59:30Z')).toBe(step);
		expect(at('2026-11-22T09:59:00Z')).toBeNull();
		expect(matchingTotpStep(key, '12345', shown)).toBeNull();
	});
});
