// Rate limits kept in the database, so every process behind a load balancer counts together.
// Each check is one atomic upsert: the counter and its window move in the same statement.
import { eq, sql } from 'drizzle-orm';
import { db, table } from '../db/index.ts';

export type Limit = {
	/** Attempts allowed in the window. */
	max: number;
	windowMs: number;
	/** Once `max` is passed, refuse everything from this key for this long. */
	blockMs?: number;
};

// The numbers of DESIGN.md and the accounts issue, in one place.
export const LIMITS = {
	/** 10 consecutive failed sign-ins from one address block it for 10 minutes. */
	loginFailuresPerIp: { max: 10, windowMs: 24 * 3_600_000, blockMs: 10 * 60_000 },
	/** At most 100 failures an hour against one account, with growing delays on the way. */
	loginFailuresPerAccount: { max: 100, windowMs: 3_600_000, blockMs: 3_600_000 },
	/** Code checks (email codes, two-factor codes, membership checks): 10 an hour per person. */
	codeChecksPerUser: { max: 10, windowMs: 3_600_000 },
	/** Emails triggered by sign-up, resend-code and reset: 3 per address per 15 minutes. */
	emailsPerAddress: { max: 3, windowMs: 15 * 60_000 }
} satisfies Record<string, Limit>;

export type LimitState = { allowed: boolean; count: number; retryAfterMs: number };

/** Counts one attempt against `key` and says whether it may go ahead. */
export async function consumeRateLimit(
	key: string,
	limit: Limit,
	now = new Date()
): Promise<LimitState> {
	const t = now.getTime();
	const windowStart = t - limit.windowMs;
	const [row] = await db
		.insert(table.rateLimits)
		.values({ key, count: 1, windowStartsAt: now })
		.onConflictDoUpdate({
			target: table.rateLimits.key,
			set: {
				count: sql`case when ${table.rateLimits.windowStartsAt} <= ${windowStart} then 1 else ${table.rateLimits.count} + 1 end`,
				windowStartsAt: sql`case when ${table.rateLimits.windowStartsAt} <= ${windowStart} then ${t} else ${table.rateLimits.windowStartsAt} end`,
				blockedUntil: sql`case
					when ${table.rateLimits.blockedUntil} > ${t} then ${table.rateLimits.blockedUntil}
					when ${limit.blockMs ?? null} is not null and ${table.rateLimits.windowStartsAt} > ${windowStart} and ${table.rateLimits.count} + 1 > ${limit.max} then ${t + (limit.blockMs ?? 0)}
					else null end`
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

/** Whether `key` is blocked right now, without counting an attempt. */
export async function isRateLimited(key: string, limit: Limit, now = new Date()) {
	const [row] = await db.select().from(table.rateLimits).where(eq(table.rateLimits.key, key));
	if (!row) return false;
	if ((row.blockedUntil?.getTime() ?? 0) > now.getTime()) return true;
	return row.windowStartsAt.getTime() > now.getTime() - limit.windowMs && row.count >= limit.max;
}

/** Refuses everything from `key` for `ms` (the growing pause after failed sign-ins). */
export async function blockKey(key: string, ms: number, now = new Date()) {
	const until = new Date(now.getTime() + ms);
	await db
		.insert(table.rateLimits)
		.values({ key, count: 0, windowStartsAt: now, blockedUntil: until })
		.onConflictDoUpdate({ target: table.rateLimits.key, set: { blockedUntil: until } });
}

export async function isBlocked(key: string, now = new Date()) {
	const [row] = await db.select().from(table.rateLimits).where(eq(table.rateLimits.key, key));
	return (row?.blockedUntil?.getTime() ?? 0) > now.getTime();
}

/** Forgets a key: a successful sign-in ends a run of consecutive failures. */
export async function resetRateLimit(key: string) {
	await db.delete(table.rateLimits).where(eq(table.rateLimits.key, key));
}

/** Seconds to wait before the next sign-in attempt on an account after `failures` failures. */
export function loginDelaySeconds(failures: number) {
	return failures < 5 ? 0 : Math.min(60, 2 ** (failures - 5));
}

export function describeWait(ms: number) {
	const minutes = Math.ceil(ms / 60_000);
	return minutes <= 1 ? 'a minute' : `${minutes} minutes`;
}
