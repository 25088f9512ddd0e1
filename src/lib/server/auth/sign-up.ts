// Signing up for an account. It never tells a stranger whether an address is already known:
// a new and a known address take the same path and the same time.
import { and, eq, isNull } from 'drizzle-orm';
import { config } from '../config.ts';
import { db, table } from '../db/index.ts';
import type { User } from '../db/schema/index.ts';
import { auditInsert, recordAudit } from '../audit.ts';
import { queueEmail } from '../email/outbox.ts';
import { renderEmail } from '../email/templates/layout.ts';
import { wakeEmailWorker } from '../email/worker.ts';
import { createEmailVerificationRequest } from './email-verification.ts';
import { checkNewAccount, EMAIL, fieldProblem, NAME } from './account-form.ts';
import { hashPassword } from './password.ts';
import { consumeRateLimit, describeWait, LIMITS } from './rate-limit.ts';
import { generateSecret } from './secrets.ts';

export type FieldErrors = Partial<Record<string, string>>;

export function normaliseEmail(value: string) {
	return value.trim().toLowerCase();
}

export const emailProblem = (email: string) => fieldProblem(EMAIL, email);

export const nameProblem = (name: string) => fieldProblem(NAME, name);

export async function findUserByEmail(email: string) {
	const [user] = await db
		.select()
		.from(table.users)
		.where(and(eq(table.users.email, email), isNull(table.users.deletedAt)));
	return user ?? null;
}

export type SignUp =
	{ ok: true; verificationId: string; email: string } | { ok: false; errors: FieldErrors };

export async function signUp(
	input: { name: string; email: string; password: string },
	now = new Date()
): Promise<SignUp> {
	const checked = checkNewAccount(input);
	if (!checked.ok) return { ok: false, errors: checked.errors };
	const { name, email } = checked.data;

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
		await tellAddressOwner(existing, now);
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

/** The owner of a known address hears that someone tried to sign up with it. */
async function tellAddressOwner(owner: User, now: Date) {
	await db.batch([
		queueEmail(db, accountExistsEmail(owner), now),
		auditInsert(
			db,
			{
				actorUserId: null,
				action: 'sign-up-with-existing-address',
				subjectType: 'user',
				subjectId: owner.id
			},
			now
		)
	]);
	wakeEmailWorker();
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
