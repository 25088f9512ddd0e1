// How many wrong two-factor and recovery codes a person and a network address may try. Every
// attempt is counted before the code is checked, so attempts in parallel cannot pass the cap,
// and a right code takes its own count back: only failures add up, and a right code never locks
// its owner out.
import { eq, sql } from 'drizzle-orm';
import { db, table } from '../db/index.ts';
import { consumeRateLimit, describeWait, LIMITS } from './rate-limit.ts';

export type CodeRefusal = { ok: false; status: 400 | 409 | 429; error: string };

const accountKey = (userId: number) => `code-check:${userId}`;
const addressKey = (ip: string) => `code-check-ip:${ip}`;

/** Counts one attempt against the person and the address; a refusal when either is used up. */
export async function allowCodeCheck(
	userId: number,
	ip: string,
	now: Date
): Promise<CodeRefusal | null> {
	const person = await consumeRateLimit(accountKey(userId), LIMITS.codeFailuresPerUser, now);
	const address = await consumeRateLimit(addressKey(ip), LIMITS.codeFailuresPerAddress, now);
	if (person.allowed && address.allowed) return null;
	const wait = Math.max(
		person.allowed ? 0 : person.retryAfterMs,
		address.allowed ? 0 : address.retryAfterMs
	);
	return {
		ok: false,
		status: 429,
		error: `Too many codes tried. Wait ${describeWait(wait)}, then try again.`
	};
}

/** A right code: the attempt counted for it is taken back from both counts. */
export async function forgiveCodeCheck(userId: number, ip: string) {
	const r = table.rateLimits;
	for (const key of [accountKey(userId), addressKey(ip)]) {
		await db
			.update(r)
			.set({ count: sql`max(${r.count} - 1, 0)` })
			.where(eq(r.key, key));
	}
}
