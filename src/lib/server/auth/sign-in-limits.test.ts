import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { emptyDatabase } from '../testing/fixtures.ts';
import { signInWithPassword } from './password-sign-in.ts';
import { hashPassword } from './password.ts';
import { loginDelaySeconds } from './rate-limit.ts';

const PASSWORD = 'tangerine lighthouse gravel orbit';
const EMAIL = 'amara@example.org';
const t0 = new Date('2026-11-22T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const MINUTE = 60_000;

beforeEach(async () => {
	await emptyDatabase();
	for (const t of [table.outbox, table.rateLimits, table.authTokens, table.auditLog])
		await db.delete(t);
	await db.insert(table.users).values({
		email: EMAIL,
		name: 'Amara Okafor',
		passwordHash: await hashPassword(PASSWORD),
		emailVerifiedAt: t0
	});
});

const wrongGuess = (ip: string, now: Date, email = EMAIL) =>
	signInWithPassword({ email, password: 'not the password', ip }, now);
const rightPassword = (ip: string, now: Date) =>
	signInWithPassword({ email: EMAIL, password: PASSWORD, ip }, now);

describe('failed sign-ins from one network address', () => {
	it('block it for 10 minutes after 10 in a row, then release it', async () => {
		const ip = '203.0.113.7';
		for (let i = 0; i < 9; i++) {
			expect(await wrongGuess(ip, at(i * 1000), `stranger${i}@example.org`)).toEqual({
				ok: false,
				error: 'Enter a correct email address and password'
			});
		}
		const tenth = await wrongGuess(ip, at(9000), 'stranger9@example.org');
		expect(tenth).toEqual({
			ok: false,
			throttled: true,
			error: 'Too many failed sign-in attempts from your network. Try again in 10 minutes.'
		});

		const duringBlock = await rightPassword(ip, at(9000 + 9 * MINUTE));
		expect(duringBlock).toMatchObject({
			ok: false,
			throttled: true,
			error: 'Too many failed sign-in attempts from your network. Try again in a minute.'
		});
		expect((await rightPassword('203.0.113.8', at(9000 + 9 * MINUTE))).ok).toBe(true);

		const released = await rightPassword(ip, at(9000 + 10 * MINUTE));
		expect(released.ok).toBe(true);
	});

	it('start a fresh count after the block', async () => {
		const ip = '203.0.113.20';
		for (let i = 0; i < 10; i++) await wrongGuess(ip, at(0), `stranger${i}@example.org`);
		const after = at(10 * MINUTE);
		for (let i = 0; i < 9; i++) await wrongGuess(ip, after, `other${i}@example.org`);
		expect((await rightPassword(ip, after)).ok).toBe(true);
	});

	it('are not forgotten when someone signs in to their own account from that address', async () => {
		const ip = '203.0.113.30';
		let failures = 0;
		let blocked = false;
		for (let round = 0; round < 4 && !blocked; round++) {
			for (let i = 0; i < 9 && !blocked; i++) {
				const guess = await wrongGuess(ip, at(round * 1000), `victim${round}-${i}@example.org`);
				failures += 1;
				blocked = guess.ok === false && guess.throttled === true;
			}
			if (!blocked) expect((await rightPassword(ip, at(round * 1000 + 500))).ok).toBe(true);
		}
		expect(blocked).toBe(true);
		expect(failures).toBe(10);
	});

	it('fade with time alone: an hour after the first failure the count starts again', async () => {
		const ip = '203.0.113.31';
		for (let i = 0; i < 9; i++) await wrongGuess(ip, at(0), `early${i}@example.org`);
		const later = at(61 * MINUTE);
		for (let i = 0; i < 9; i++) {
			expect(await wrongGuess(ip, later, `late${i}@example.org`)).not.toMatchObject({
				throttled: true
			});
		}
	});

	it('leave a success resetting only the account’s own count', async () => {
		for (let i = 0; i < 4; i++) await wrongGuess(`198.51.100.${i}`, t0);
		expect((await rightPassword('198.51.100.50', t0)).ok).toBe(true);
		for (let i = 0; i < 4; i++) {
			expect(await wrongGuess(`198.51.100.${i}`, at(1000))).not.toMatchObject({ throttled: true });
		}
	});
});

describe('failed sign-ins against one account', () => {
	it('make the next attempt wait, longer after each failure past the fifth', async () => {
		for (let i = 0; i < 5; i++) await wrongGuess(`198.51.100.${i}`, t0);
		const waiting = await rightPassword('198.51.100.99', t0);
		expect(waiting).toEqual({
			ok: false,
			throttled: true,
			error: 'Too many failed attempts for this email address. Wait 1 second, then try again.'
		});
		await wrongGuess('198.51.100.5', at(1000));
		expect(await rightPassword('198.51.100.99', at(2999))).toMatchObject({
			error: 'Too many failed attempts for this email address. Wait 1 second, then try again.'
		});
		expect((await rightPassword('198.51.100.99', at(3000))).ok).toBe(true);
	});

	it('answer an address with no account exactly as they answer one with an account', async () => {
		const answers = async (email: string) => {
			const seen = [];
			for (let i = 0; i < 6; i++) seen.push(await wrongGuess(`198.51.100.${i}`, at(i), email));
			return seen;
		};
		expect(await answers('nobody@example.org')).toEqual(await answers(EMAIL));
		expect((await answers(EMAIL)).at(-1)).toMatchObject({ throttled: true });
	});

	it('stop at 100 failures in an hour, even with the right password, until the hour is up', async () => {
		let clock = 0;
		for (let failure = 1; failure <= 100; failure++) {
			const result = await wrongGuess(`192.0.2.${failure}`, at(clock));
			expect(result).toEqual({ ok: false, error: 'Enter a correct email address and password' });
			clock += loginDelaySeconds(failure) * 1000;
		}
		expect(clock).toBeLessThan(50 * MINUTE);

		const capped = await rightPassword('192.0.2.200', at(clock));
		expect(capped).toMatchObject({ ok: false, throttled: true });
		expect(!capped.ok && capped.error).toMatch(
			/^Too many failed attempts for this email address\. Wait \d+ minutes, then try again\.$/
		);
		expect((await rightPassword('192.0.2.201', at(60 * MINUTE - 1))).ok).toBe(false);
		expect((await rightPassword('192.0.2.202', at(60 * MINUTE))).ok).toBe(true);
	}, 60_000);
});
