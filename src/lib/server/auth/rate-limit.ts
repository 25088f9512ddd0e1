// Rate limits kept in the database, so every process behind a load balancer counts together.
// Each count is one atomic upsert: the counter, its window and any block move in one statement.
import { eq, sql } from 'drizzle-orm';
import { db, table } from '../db/index.ts';

export type Limit = {
	/** Attempts allowed in the window. */
	max: number;
	windowMs: number;
	/**
	 * With a block, reaching `max` refuses the key for this long and starts a fresh count, so
	 * the key is released when the block ends. Without one, the key is refused until the window
	 * that holds `max` attempts has passed.
	 */
	blockMs?: number;
};

// The sign-in, sign-up and email limits, in one place.
export const LIMITS = {
	/**
	 * 10 failed sign-ins from one address within an hour block it for 10 minutes. Only time
	 * clears the count: a success from the address (perhaps the guesser's own account) does not.
	 */
	loginFailuresPerIp: { max: 10, windowMs: 3_600_000, blockMs: 10 * 60_000 },
	/** At most 100 failures an hour against one account, with growing delays on the way. */
	loginFailuresPerAccount: { max: 100, windowMs: 3_600_000 },
	/** Code checks (email codes, membership checks, password confirmations): 10 an hour per person. */
	codeChecksPerUser: { max: 10, windowMs: 3_600_000 },
	/**
	 * Wrong two-factor and recovery codes: 10 an hour from one network address, 30 an hour
	 * against one person from anywhere. Right codes do not count.
	 */
	codeFailuresPerAddress: { max: 10, windowMs: 3_600_000 },
	codeFailuresPerUser: { max: 30, windowMs: 3_600_000 },
	/** Emails triggered by sign-up, resend-code, sign-in while unverified, reset: 3 per address per 15 minutes. */
	emailsPerAddress: { max: 3, windowMs: 15 * 60_000 }
} satisfies Record<string, Limit>;

/** `allowed: false` means the key is refused for `retryAfterMs` from now. */
export type LimitState = { allowed: boolean; count: number; retryAfterMs: number };

/** Counts one attempt against `key` and says whether the key may go on. */
export async function consumeRateLimit(
	key: string,
	limit: Limit,
	now = new Date()
): Promise<LimitState> {
	const t = now.getTime();
	const windowStart = t - limit.windowMs;
	const r = table.rateLimits;
	const blocked = sql`coalesce(${r.blockedUntil}, 0) > ${t}`;
	const fresh = sql`${r.windowStartsAt} <= ${windowStart}`;
	const next = sql`(case when ${fresh} then 1 else ${r.count} + 1 end)`;
	const trips = limit.blockMs ? sql`${next} >= ${limit.max}` : sql`0`;
	const [row] = await db
		.insert(r)
		.values({ key, count: 1, windowStartsAt: now })
		.onConflictDoUpdate({
			target: r.key,
			set: {
				count: sql`case when ${blocked} then ${r.count} when ${trips} then 0 else ${next} end`,
				windowStartsAt: sql`case when ${blocked} then ${r.windowStartsAt} when ${trips} or ${fresh} then ${t} else ${r.windowStartsAt} end`,
				blockedUntil: sql`case when ${blocked} then ${r.blockedUntil} when ${trips} then ${t + (limit.blockMs ?? 0)} else null end`
			}
		})
		.returning();
	const blockedUntil = row.blockedUntil?.getTime() ?? 0;
	if (blockedUntil > t) return { allowed: false, count: row.count, retryAfterMs: blockedUntil - t };
	if (row.count > limit.max) {
		return {
			allowed: false,
			count: row.count,
			retryAfterMs: row.windowStartsAt.getTime() + limit.windowMs - t
		};
	}
	return { allowed: true, count: row.count, retryAfterMs: 0 };
}

/** How long `key` is refused from `now`, without counting an attempt; 0 when it is free. */
export async function rateLimitWait(key: string, limit: Limit, now = new Date()) {
	const [row] = await db.select().from(table.rateLimits).where(eq(table.rateLimits.key, key));
	if (!row) return 0;
	const t = now.getTime();
	const blockedUntil = row.blockedUntil?.getTime() ?? 0;
	if (blockedUntil > t) return blockedUntil - t;
	if (limit.blockMs) return 0;
	const windowEnds = row.windowStartsAt.getTime() + limit.windowMs;
	return windowEnds > t && row.count >= limit.max ? windowEnds - t : 0;
}

/** Refuses everything from `key` for `ms` (the growing pause after failed sign-ins). */
export async function blockKey(key: string, ms: number, now = new Date()) {
	const until = new Date(now.getTime() + ms);
	await db
		.insert(table.rateLimits)
		.values({ key, count: 0, windowStartsAt: now, blockedUntil: until })
		.onConflictDoUpdate({ target: table.rateLimits.key, set: { blockedUntil: until } });
}

/** How long a key set by `blockKey` is still refused; 0 when it is free. */
export async function blockedFor(key: string, now = new Date()) {
	const [row] = await db.select().from(table.rateLimits).where(eq(table.rateLimits.key, key));
	return Math.max(0, (row?.blockedUntil?.getTime() ?? 0) - now.getTime());
}

/** Forgets a key: a successful sign-in ends a run of consecutive failures. */
export async function resetRateLimit(key: string) {
	await db.delete(table.rateLimits).where(eq(table.rateLimits.key, key));
}

/** Failed sign-ins counted against one email address, whether or not it has an account. */
export const loginAccountKey = (email: string) => `login-account:${email}`;
/** The growing pause between sign-in attempts on one email address. */
export const loginWaitKey = (email: string) => `login-wait:${email}`;

/**
 * Seconds to wait before the next sign-in attempt on an account after `failures` failures.
 * Capped at 30 s, so the hourly cap of 100 failures is what stops a patient guesser.
 */
export function loginDelaySeconds(failures: number) {
	return failures < 5 ? 0 : Math.min(30, 2 ** (failures - 5));
}

export function describeWait(ms: number) {
	if (ms < 60_000) {
		const seconds = Math.max(1, Math.ceil(ms / 1000));
		return seconds === 1 ? '1 second' : `${seconds} seconds`;
	}
	const minutes = Math.ceil(ms / 60_000);
	return minutes === 1 ? 'a minute' : `${minutes} minutes`;
}
