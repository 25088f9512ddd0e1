// The email a walk-in gets: their place is booked, and a link (valid a week) to set a password
// and see it. Same single-use, hashed link as a password reset.
import { config } from '../config.ts';
import { db } from '../db/index.ts';
import type { Event, User } from '../db/schema/index.ts';
import { newSetPasswordLink } from '../auth/password-reset.ts';
import { queueEmail } from '../email/outbox.ts';
import { renderEmail } from '../email/templates/layout.ts';
import { wakeEmailWorker } from '../email/worker.ts';

const INVITE_LIFETIME_MS = 7 * 24 * 3_600_000;

export async function queueSetPasswordInvite(user: User, event: Event, now: Date) {
	const link = newSetPasswordLink(user, INVITE_LIFETIME_MS, now);
	const content = renderEmail(
		{
			subject: `You are booked in: ${event.title}`,
			preview: 'Set a password to see your booking.',
			heading: 'You are booked in',
			blocks: [
				{ kind: 'paragraph', text: `Hello ${user.name},` },
				{
					kind: 'paragraph',
					text: `You were booked in and checked in at the door of ${event.title}. Set a password to see your bookings and book the next event yourself.`
				},
				{ kind: 'button', text: 'Set your password', href: link.url },
				{ kind: 'paragraph', text: 'The link works once and expires in 7 days.' }
			],
			reason: `You got this email because you were booked in at the door of a ${config.branchName} event.`
		},
		config
	);
	await db.batch([
		link.insertToken,
		queueEmail(
			db,
			{
				idempotencyKey: `walk-in-invite/${link.id}`,
				to: { email: user.email, name: user.name },
				template: 'walk-in-invite',
				...content
			},
			now
		)
	]);
	wakeEmailWorker();
}
