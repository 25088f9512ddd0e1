// Creating an account and signing in. Neither ever tells a stranger whether an address is
// already known: both take the same path and the same time either way.
import { and, eq, gt, isNull } from 'drizzle-orm';
import { config } from '../config.ts';
import { db, table } from '../db/index.ts';
import type { User } from '../db/schema/index.ts';
import { auditInsert, recordAudit } from '../audit.ts';
import { queueEmail } from '../email/outbox.ts';
import { renderEmail } from '../email/templates/layout.ts';
import { wakeEmailWorker } from '../email/worker.ts';
import { createEmailVerificationRequest } from './email-verification.ts';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';
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

export type FieldErrors = Partial<Record<string, string>>;

const EMAIL_PATTERN = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]{2,}$/;

export function normaliseEmail(value: string) {
	return value.trim().toLowerCase();
}

export function emailProblem(email: string) {
	if (!email) return 'Enter your email address';
	if (email.length > 254 || !EMAIL_PATTERN.test(email)) {
		return 'Enter an email address in the correct format, like name@example.com';
	}
	return null;
}

export function nameProblem(name: string) {
	if (!name) return 'Enter your full name';
	if (name.length > 100) return 'Full name must be 100 characters or fewer';
	return null;
}

export async function findUserByEmail(email: string) {
	const [user] = await db
		.select()
		.from(table.users)
		.where(and(eq(table.users.email, email), isNull(table.users.deletedAt)));
	return user ?? null;
}

export type Registration =
	{ ok: true; verificationId: string; email: string } | { ok: false; errors: FieldErrors };

export async function registerAccount(
	input: { name: string; email: string; password: string },
	now = new Date()
): Promise<Registration> {
	const name = input.name.trim();
	const email = normaliseEmail(input.email);
	const errors: FieldErrors = {};
	const nameError = nameProblem(name);
	const emailError = emailProblem(email);
	if (nameError) errors.name = nameError;
	if (emailError) errors.email = emailError;
	const passwordError = passwordProblem(input.password, [name, email]);
	if (passwordError) errors.password = passwordError;
	if (Object.keys(errors).length) return { ok: false, errors };

	const sending = await consumeRateLimit(`email-send:${email}`, LIMITS.emailsPerAddress, now);
	if (!sending.allowed) {
		return {
			ok: false,
			errors: {
				email: `We have sent several emails to this address. Try again in ${describeWait(sending.retryAfterMs)}.`
			}
		};
	}

	const passwordHash = await hashPassword(input.password);
	const existing = await findUserByEmail(email);
	if (existing?.emailVerifiedAt) {
		// Tell the owner, not the visitor: the visitor gets a request id that matches nothing, and
		// the page that follows, its resend button and its code checks behave as for a new address.
		await db.batch([
			queueEmail(db, accountExistsEmail(existing), now),
			auditInsert(
				db,
				{
					actorUserId: null,
					action: 'sign-up-with-existing-address',
					subjectType: 'user',
					subjectId: existing.id
				},
				now
			)
		]);
		wakeEmailWorker();
		return { ok: true, verificationId: generateSecret(24), email };
	}
	const user =
		existing ??
		(
			await db.insert(table.users).values({ email, name, passwordHash, createdAt: now }).returning()
		)[0];
	if (existing) {
		// Only the owner of the mailbox can finish this sign-up, so the latest details win.
		await db.update(table.users).set({ name, passwordHash }).where(eq(table.users.id, existing.id));
	}
	const verificationId = await createEmailVerificationRequest({ id: user.id, name }, email, now);
	await recordAudit(
		{ actorUserId: user.id, action: 'account-registered', subjectType: 'user', subjectId: user.id },
		now
	);
	return { ok: true, verificationId, email };
}

function accountExistsEmail(user: User) {
	return {
		idempotencyKey: `account-exists/${user.id}/${generateSecret(12)}`,
		to: { email: user.email, name: user.name },
		template: 'account-exists',
		...renderEmail(
			{
				subject: `You already have a ${config.branchName} account`,
				preview: 'Someone tried to create a new account with this address.',
				heading: 'You already have an account',
				blocks: [
					{ kind: 'paragraph', text: `Hello ${user.name},` },
					{
						kind: 'paragraph',
						text: 'Someone tried to create a new account with this email address. If it was you, sign in instead, or reset your password if you have forgotten it.'
					},
					{ kind: 'button', text: 'Sign in', href: `${config.origin}/login` },
					{ kind: 'paragraph', text: `Forgotten your password? ${config.origin}/forgot-password` },
					{ kind: 'paragraph', text: 'If it was not you, you can ignore this email.' }
				],
				reason: `You got this email because your address was entered on the ${config.branchName} sign-up page.`
			},
			config
		)
	};
}

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
		// a success forgets the count.
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
	await resetRateLimit(ipKey);
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
