// Changing the email address: a code goes to the new address, and the address changes only
// when that code is entered on the verify-email page. Whether another account already uses the
// new address is not said here (that would let anyone signed in test addresses); the owner of
// the mailbox learns it when they enter the code.
import { recordAudit } from '../audit.ts';
import { normaliseEmail } from '../auth/sign-up.ts';
import { createEmailVerificationRequest } from '../auth/email-verification.ts';
import { consumeRateLimit, describeWait, LIMITS } from '../auth/rate-limit.ts';
import type { User } from '../db/schema/index.ts';
import { checkEmailChange } from './email-change-form.ts';
import { confirmCurrentPassword } from './password-confirmation.ts';

export type EmailChangeErrors = { newEmail?: string; emailPassword?: string };

export type EmailChangeRequest =
	| { ok: true; verificationId: string; email: string }
	| { ok: false; status: 400 | 429; errors: EmailChangeErrors };

export async function requestEmailChange(
	user: User,
	input: { newEmail: string; password: string },
	now = new Date()
): Promise<EmailChangeRequest> {
	const checked = checkEmailChange(user.email, {
		newEmail: normaliseEmail(input.newEmail),
		emailPassword: input.password
	});
	if (!checked.ok) return { ok: false, status: 400, errors: checked.errors };
	const email = checked.data.newEmail;

	const confirmed = await confirmCurrentPassword(user, input.password, now);
	if (!confirmed.ok) {
		return { ok: false, status: confirmed.status, errors: { emailPassword: confirmed.error } };
	}
	const sending = await consumeRateLimit(`email-send:${email}`, LIMITS.emailsPerAddress, now);
	if (!sending.allowed) {
		return {
			ok: false,
			status: 429,
			errors: {
				newEmail: `We have sent several emails to this address. Try again in ${describeWait(sending.retryAfterMs)}.`
			}
		};
	}
	const verificationId = await createEmailVerificationRequest(user, email, now);
	await recordAudit(
		{
			actorUserId: user.id,
			action: 'email-change-requested',
			subjectType: 'user',
			subjectId: user.id
		},
		now
	);
	return { ok: true, verificationId, email };
}
