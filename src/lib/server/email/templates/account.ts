// Account emails: the sign-up verification code and the password reset link.
import type { OutgoingEmail } from '../message.ts';
import { renderEmail, type Branding } from './layout.ts';

type Recipient = { email: string; name?: string | null };

export function verificationCodeEmail(
	to: Recipient,
	code: string,
	options: Branding & { requestId: string | number; expiresInMinutes: number }
): OutgoingEmail {
	return {
		idempotencyKey: `email-verification/${options.requestId}`,
		to,
		template: 'verification-code',
		...renderEmail(
			{
				subject: `${code} is your ${options.branchName} verification code`,
				preview: `Enter ${code} to confirm your email address.`,
				heading: 'Confirm your email address',
				blocks: [
					{ kind: 'paragraph', text: `Hello ${to.name ?? ''}`.trim() + ',' },
					{ kind: 'code', label: 'Your verification code is:', text: code },
					{
						kind: 'paragraph',
						text: `Enter it on the Verify email page. It works once and expires in ${options.expiresInMinutes} minutes.`
					},
					{
						kind: 'paragraph',
						text: 'If you did not ask for this, you can ignore this email: nothing happens without the code.'
					}
				],
				reason: `You got this email because someone entered this address on the ${options.branchName} website.`
			},
			options
		)
	};
}

export function passwordResetEmail(
	to: Recipient,
	link: string,
	options: Branding & { requestId: string | number; expiresInMinutes: number }
): OutgoingEmail {
	return {
		idempotencyKey: `password-reset/${options.requestId}`,
		to,
		template: 'password-reset',
		...renderEmail(
			{
				subject: `Reset your ${options.branchName} password`,
				preview: 'Use this link to choose a new password.',
				heading: 'Reset your password',
				blocks: [
					{ kind: 'paragraph', text: `Hello ${to.name ?? ''}`.trim() + ',' },
					{ kind: 'paragraph', text: 'Someone asked to reset the password for this account.' },
					{ kind: 'button', text: 'Choose a new password', href: link },
					{
						kind: 'paragraph',
						text: `The link works once and expires in ${options.expiresInMinutes} minutes. Choosing a new password signs you out everywhere else.`
					},
					{
						kind: 'paragraph',
						text: 'If you did not ask for this, ignore this email: your password stays as it is.'
					}
				],
				reason: `You got this email because a password reset was requested for your ${options.branchName} account.`
			},
			options
		)
	};
}

/**
 * The answer to a reset asked for an address with no account. Sending it means a known and an
 * unknown address cost the request the same work, so its timing tells a stranger nothing; and
 * someone who signed up with another address learns why no link came.
 */
export function noAccountResetEmail(
	email: string,
	options: Branding & { requestId: string | number }
): OutgoingEmail {
	return {
		idempotencyKey: `password-reset/${options.requestId}`,
		to: { email },
		template: 'password-reset-no-account',
		...renderEmail(
			{
				subject: `Reset your ${options.branchName} password`,
				preview: 'There is no account with this email address.',
				heading: 'There is no account with this email address',
				blocks: [
					{ kind: 'paragraph', text: 'Hello,' },
					{
						kind: 'paragraph',
						text: `Someone asked to reset the password for a ${options.branchName} account with this email address, but there is no account with it.`
					},
					{
						kind: 'paragraph',
						text: 'If it was you, you may have signed up with a different email address: try that one. Or create an account on the website.'
					},
					{ kind: 'paragraph', text: 'If you did not ask for this, ignore this email.' }
				],
				reason: `You got this email because a password reset was requested on the ${options.branchName} website for this address.`
			},
			options
		)
	};
}
