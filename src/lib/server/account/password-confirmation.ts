// Asking for the current password before a change to the account (email, password): a stolen
// session alone cannot take the account over. Wrong guesses are counted like wrong codes.
import type { User } from '../db/schema/index.ts';
import { verifyPassword } from '../auth/password.ts';
import {
	consumeRateLimit,
	describeWait,
	rateLimitWait,
	LIMITS,
	resetRateLimit
} from '../auth/rate-limit.ts';

export type PasswordConfirmation = { ok: true } | { ok: false; status: 400 | 429; error: string };

export async function confirmCurrentPassword(
	user: Pick<User, 'id' | 'passwordHash'>,
	password: string,
	now = new Date()
): Promise<PasswordConfirmation> {
	const key = `account-password:${user.id}`;
	const tooMany = (ms: number) => ({
		ok: false as const,
		status: 429 as const,
		error: `Too many wrong passwords. Try again in ${describeWait(ms)}.`
	});
	const wait = await rateLimitWait(key, LIMITS.codeChecksPerUser, now);
	if (wait > 0) return tooMany(wait);
	if (user.passwordHash && (await verifyPassword(user.passwordHash, password))) {
		await resetRateLimit(key);
		return { ok: true };
	}
	const attempt = await consumeRateLimit(key, LIMITS.codeChecksPerUser, now);
	if (!attempt.allowed) return tooMany(attempt.retryAfterMs);
	return { ok: false, status: 400, error: 'Your password is not right' };
}
