// The notice that an account's password was changed: if the member did not do it, this is how
// they find out, so it says what to do at once.
import type { OutgoingEmail } from '../message.ts';
import { renderEmail, type Branding } from './layout.ts';

export function passwordChangedEmail(
	to: { email: string; name?: string | null },
	options: Branding & { changedAt: Date; userId: number }
): OutgoingEmail {
	const when = options.changedAt.toLocaleString('en-GB', {
		timeZone: 'Europe/London',
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		hour: 'numeric',
		minute: '2-digit',
		hour12: true
	});
	return {
		idempotencyKey: `password-changed/${options.userId}/${options.changedAt.getTime()}`,
		to,
		template: 'password-changed',
		...renderEmail(
			{
				subject: `Your ${options.branchName} password was changed`,
				preview: 'If this was you, there is nothing to do.',
				heading: 'Your password was changed',
				blocks: [
					{ kind: 'paragraph', text: `Hello ${to.name ?? ''}`.trim() + ',' },
					{
						kind: 'paragraph',
						text: `The password for your account was changed on ${when}. Every other device signed in to your account was signed out.`
					},
					{ kind: 'paragraph', text: 'If this was you, there is nothing more to do.' },
					{
						kind: 'notice',
						text: 'If it was not you, reset your password now with the link below, then tell the branch office by replying to this email.'
					},
					{
						kind: 'button',
						text: 'Reset your password',
						href: `${options.origin}/forgot-password`
					}
				],
				reason: `You got this email because the password of your ${options.branchName} account was changed.`
			},
			options
		)
	};
}
