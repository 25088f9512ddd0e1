import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import {
	consumeRateLimit,
	describeWait,
	LIMITS,
	loginDelaySeconds,
	rateLimitWait,
	resetRateLimit
} from './rate-limit.ts';

const t0 = new Date('2026-11-22T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

beforeEach(async () => {
	await db.delete(table.rateLimits);
});

describe('rate limits', () => {
	it('block a key for 10 minutes when it reaches 10 failures, then count afresh', async () => {
		const key = 'login-ip:203.0.113.7';
		for (let i = 0; i < 9; i++) {
			expect((await consumeRateLimit(key, LIMITS.loginFailuresPerIp, at(i * 1000))).allowed).toBe(
				true
			);
		}
		const tenth = await consumeRateLimit(key, LIMITS.loginFailuresPerIp, at(9000));
		expect(tenth).toEqual({ allowed: false, count: 0, retryAfterMs: 10 * 60_000 });
		expect(await rateLimitWait(key, LIMITS.loginFailuresPerIp, at(9000 + 9 * 60_000))).toBe(60_000);
		const duringBlock = await consumeRateLimit(key, LIMITS.loginFailuresPerIp, at(9000 + 60_000));
		expect(duringBlock).toMatchObject({ allowed: false, retryAfterMs: 9 * 60_000 });
		expect(await rateLimitWait(key, LIMITS.loginFailuresPerIp, at(9000 + 10 * 60_000))).toBe(0);
		const afterBlock = await consumeRateLimit(
			key,
			LIMITS.loginFailuresPerIp,
			at(9000 + 10 * 60_000)
		);
		expect(afterBlock).toEqual({ allowed: true, count: 1, retryAfterMs: 0 });
	});

	it('forget a key when told to', async () => {
		const key = 'login-ip:203.0.113.8';
		for (let i = 0; i < 9; i++) await consumeRateLimit(key, LIMITS.loginFailuresPerIp, t0);
		await resetRateLimit(key);
		expect((await consumeRateLimit(key, LIMITS.loginFailuresPerIp, t0)).count).toBe(1);
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

	it('make an account wait longer after each failure past the fifth, up to 30 seconds', () => {
		expect([1, 4, 5, 6, 7, 9, 10, 20].map(loginDelaySeconds)).toEqual([0, 0, 1, 2, 4, 16, 30, 30]);
	});

	it('say waits in seconds under a minute and in minutes above', () => {
		expect([1, 1000, 1001, 59_000, 60_000, 61_000, 600_000].map(describeWait)).toEqual([
			'1 second',
			'1 second',
			'2 seconds',
			'59 seconds',
			'a minute',
			'2 minutes',
			'10 minutes'
		]);
	});
});
