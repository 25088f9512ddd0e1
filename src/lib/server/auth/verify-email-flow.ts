// The verify-email screen's two actions, kept out of the route: check a code (rate-limited per
// person) and send a fresh one (rate-limited per address).
import { db, table } from '../db/index.ts';
import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import { checkField } from '../form-schema.ts';
import {
	createEmailVerificationRequest,
	findEmailVerificationRequest,
	verifyEmailCode
} from './email-verification.ts';
import { consumeRateLimit, describeWait, LIMITS } from './rate-limit.ts';

export type CodeSubmission =
	{ ok: true; userId: number } | { ok: false; status: 400 | 409 | 429; error: string };

const CODE_PROBLEMS = {
	wrong: 'The code is not right. Check the latest email we sent and try again.',
	expired: 'This code has expired. Send a new code and use that one.',
	taken:
		'Another account now uses this email address, so it cannot be yours as well. Sign in to that account, or use a different address.'
};

const VERIFICATION_CODE = v.pipe(
	v.string(),
	v.transform((typed) => typed.replace(/\s+/g, '')),
	v.nonEmpty('Enter the verification code'),
	v.regex(/^\d{8}$/, 'The verification code is 8 numbers, like 12345678')
);

/** The code's eight digits as typed (spaces dropped), or why it cannot be checked. */
export function readVerificationCode(typed: string) {
	const checked = checkField(VERIFICATION_CODE, typed);
	if (checked.ok) return { ok: true as const, digits: checked.value };
	return { ok: false as const, status: 400 as const, error: checked.error };
}

export async function submitVerificationCode(
	requestId: string | null,
	code: string,
	now = new Date()
): Promise<CodeSubmission> {
	const read = readVerificationCode(code);
	if (!read.ok) return read;
	const { digits } = read;
	const request = requestId ? await findEmailVerificationRequest(requestId) : null;
	const limitKey = request
		? `code-check:${request.userId}`
		: `code-check:request:${requestId ?? 'none'}`;
	const limit = await consumeRateLimit(limitKey, LIMITS.codeChecksPerUser, now);
	if (!limit.allowed) {
		return {
			ok: false,
			status: 429,
			error: `Too many wrong codes. Try again in ${describeWait(limit.retryAfterMs)}.`
		};
	}
	const result = await verifyEmailCode(requestId ?? '', digits, now);
	if (result.ok) return { ok: true, userId: result.userId };
	return {
		ok: false,
		status: result.reason === 'taken' ? 409 : 400,
		error: CODE_PROBLEMS[result.reason]
	};
}

/**
 * `address` is what the person typed when the code was asked for. After a sign-up with an address
 * that already has an account, the browser holds a made-up id: that is counted against the address
 * and answered the same way, and nothing is sent.
 */
export async function resendVerificationCode(
	requestId: string | null,
	address: string | null,
	now = new Date()
) {
	const request = requestId ? await findEmailVerificationRequest(requestId) : null;
	const email = request?.email ?? address;
	const limit = email
		? await consumeRateLimit(`email-send:${email}`, LIMITS.emailsPerAddress, now)
		: { allowed: true, retryAfterMs: 0 };
	if (!limit.allowed) {
		return {
			ok: false as const,
			error: `We have sent several codes already. Try again in ${describeWait(limit.retryAfterMs)}.`
		};
	}
	if (!request) return { ok: true as const, requestId };
	const [user] = await db.select().from(table.users).where(eq(table.users.id, request.userId));
	return {
		ok: true as const,
		requestId: await createEmailVerificationRequest(user, request.email, now)
	};
}

export async function verificationAddress(requestId: string | null) {
	const request = requestId ? await findEmailVerificationRequest(requestId) : null;
	return request?.email ?? null;
}
