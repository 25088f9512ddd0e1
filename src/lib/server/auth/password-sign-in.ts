// Signing in with an email address and password. It never tells a stranger whether an address
// is known: a known and an unknown address take the same path and the same time.
import { and, eq, gt, isNull } from 'drizzle-orm';
import { db, table } from '../db/index.ts';
import type { User } from '../db/schema/index.ts';
import { recordAudit } from '../audit.ts';
import { createEmailVerificationRequest } from './email-verification.ts';
import { hashPassword, verifyPassword } from './password.ts';
import {
	blockedFor,
	blockKey,
	consumeRateLimit,
	describeWait,
	LIMITS,
	loginAccountKey,
	loginDelaySeconds,
	loginWaitKey,
	rateLimitWait,
	resetRateLimit
} from './rate-limit.ts';
import { generateSecret } from './secrets.ts';
import { findUserByEmail, normaliseEmail } from './sign-up.ts';

export type SignIn =
	| { ok: true; user: User }
	| {
			ok: false;
			unverified?: { verificationId: string; email: string };
			throttled?: true;
			error: string;
	  };

const WRONG = 'Enter a correct email address and password';
// A real argon2id hash of a random password, so unknown addresses take as long as known ones.
let decoyHash: Promise<string> | null = null;

const networkBlocked = (ms: number) => ({
	ok: false as const,
	throttled: true as const,
	error: `Too many failed sign-in attempts from your network. Try again in ${describeWait(ms)}.`
});
const accountBlocked = (ms: number) => ({
	ok: false as const,
	throttled: true as const,
	error: `Too many failed attempts for this email address. Wait ${describeWait(ms)}, then try again.`
});

export async function signInWithPassword(
	input: { email: string; password: string; ip: string },
	now = new Date()
): Promise<SignIn> {
	const email = normaliseEmail(input.email);
	const ipKey = `login-ip:${input.ip}`;
	const ipWait = await rateLimitWait(ipKey, LIMITS.loginFailuresPerIp, now);
	if (ipWait > 0) return networkBlocked(ipWait);
	const user = email ? await findUserByEmail(email) : null;
	// Counted per address typed, known or not, so the limit's answers never tell whether an
	// account exists.
	const accountKey = email ? loginAccountKey(email) : null;
	const waitKey = email ? loginWaitKey(email) : null;
	let accountFailures = 0;
	if (accountKey && waitKey) {
		const wait = await blockedFor(waitKey, now);
		if (wait > 0) return accountBlocked(wait);
		// Counted before the password is checked, so attempts in parallel cannot pass the cap;
		// a success forgets this account's count.
		const account = await consumeRateLimit(accountKey, LIMITS.loginFailuresPerAccount, now);
		if (!account.allowed) return accountBlocked(account.retryAfterMs);
		accountFailures = account.count;
	}
	decoyHash ??= hashPassword(generateSecret(32));
	const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), input.password);
	if (!user || !valid) {
		const ip = await consumeRateLimit(ipKey, LIMITS.loginFailuresPerIp, now);
		const delay = loginDelaySeconds(accountFailures);
		if (waitKey && delay > 0) await blockKey(waitKey, delay * 1000, now);
		if (user) {
			await recordAudit(
				{ actorUserId: null, action: 'login-failed', subjectType: 'user', subjectId: user.id },
				now
			);
		}
		if (!ip.allowed) return networkBlocked(ip.retryAfterMs);
		return { ok: false, error: WRONG };
	}
	// Only this account's own count: the address's count of failures fades with time alone, so
	// a guesser cannot clear it by signing in to an account of their own.
	await resetRateLimit(accountKey!);
	if (!user.emailVerifiedAt) return sendFreshCode(user, now);
	await recordAudit(
		{ actorUserId: user.id, action: 'login', subjectType: 'user', subjectId: user.id },
		now
	);
	return { ok: true, user };
}

/**
 * The right password for an address not yet confirmed: a fresh code, counted against the
 * address like any other email. Past the limit, the code already sent (if still valid) is the one
 * to use.
 */
async function sendFreshCode(user: User, now: Date): Promise<SignIn> {
	const error = 'Confirm your email address first';
	const sending = await consumeRateLimit(`email-send:${user.email}`, LIMITS.emailsPerAddress, now);
	if (sending.allowed) {
		const verificationId = await createEmailVerificationRequest(user, user.email, now);
		return { ok: false, unverified: { verificationId, email: user.email }, error };
	}
	const [pending] = await db
		.select({ id: table.authTokens.id })
		.from(table.authTokens)
		.where(
			and(
				eq(table.authTokens.userId, user.id),
				eq(table.authTokens.kind, 'email-verification'),
				eq(table.authTokens.email, user.email),
				isNull(table.authTokens.usedAt),
				gt(table.authTokens.expiresAt, now)
			)
		);
	if (pending)
		return { ok: false, unverified: { verificationId: pending.id, email: user.email }, error };
	return {
		ok: false,
		throttled: true,
		error: `We have sent several emails to this address. Try again in ${describeWait(sending.retryAfterMs)}.`
	};
}
