import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import {
	consumeRateLimit,
	isRateLimited,
	LIMITS,
	loginDelaySeconds,
	resetRateLimit
} from './rate-limit.ts';

const t0 = new Date('2026-11-22T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

beforeEach(async () => {
	await db.delete(table.rateLimits);
});

describe('rate limits', () => {
	it('block an address for 10 minutes after 10 failed sign-ins, then release it', async () => {
		const key = 'login-ip:203.0.113.7';
		for (let i = 0; i < 10; i++) {
			expect((await consumeRateLimit(key, LIMITS.loginFailuresPerIp, at(i * 1000))).allowed).toBe(
				true
			);
		}
		const eleventh = await consumeRateLimit(key, LIMITS.loginFailuresPerIp, at(10_000));
		expect(eleventh.allowed).toBe(false);
		expect(eleventh.retryAfterMs).toBe(10 * 60_000);
		expect(await isRateLimited(key, LIMITS.loginFailuresPerIp, at(10_000 + 9 * 60_000))).toBe(true);
		expect(await isRateLimited(key, LIMITS.loginFailuresPerIp, at(10_000 + 10 * 60_000 + 1))).toBe(
			true
		);
		// After the block the counter still stands at the limit until a success resets it.
		await resetRateLimit(key);
		expect(await isRateLimited(key, LIMITS.loginFailuresPerIp, at(11 * 60_000))).toBe(false);
	});

	it('allow 3 emails per address in 15 minutes, and more once the window has passed', async () => {
		const key = 'email-send:a@example.org';
		for (let i = 0; i < 3; i++) {
			expect((await consumeRateLimit(key, LIMITS.emailsPerAddress, at(i * 60_000))).allowed).toBe(
				true
			);
		}
		const fourth = await consumeRateLimit(key, LIMITS.emailsPerAddress, at(3 * 60_000));
		expect(fourth.allowed).toBe(false);
		expect(fourth.retryAfterMs).toBe(12 * 60_000);
		expect((await consumeRateLimit(key, LIMITS.emailsPerAddress, at(15 * 60_000))).allowed).toBe(
			true
		);
	});

	it('count each key on its own', async () => {
		for (let i = 0; i < 10; i++)
			await consumeRateLimit('code-check:1', LIMITS.codeChecksPerUser, t0);
		expect((await consumeRateLimit('code-check:1', LIMITS.codeChecksPerUser, t0)).allowed).toBe(
			false
		);
		expect((await consumeRateLimit('code-check:2', LIMITS.codeChecksPerUser, t0)).allowed).toBe(
			true
		);
	});

	it('make an account wait longer after each failure past the fifth, up to a minute', () => {
		expect([1, 4, 5, 6, 7, 10, 20].map(loginDelaySeconds)).toEqual([0, 0, 1, 2, 4, 32, 60]);
	});
});
