// The email a walk-in gets: their place is booked, and a link (valid a week) to set a password
// and see it. Same single-use, hashed link as a password reset.
import { config } from '../config.ts';
import { db, table } from '../db/index.ts';
import type { Event, User } from '../db/schema/index.ts';
import { digestSecret, generateSecret } from '../auth/secrets.ts';
import { queueEmail } from '../email/outbox.ts';
import { renderEmail } from '../email/templates/layout.ts';
import { wakeEmailWorker } from '../email/worker.ts';

const INVITE_LIFETIME_MS = 7 * 24 * 3_600_000;

export async function queueSetPasswordInvite(user: User, event: Event, now: Date) {
	const id = generateSecret(20);
	const secret = generateSecret(32);
	const link = `${config.origin}/reset-password?token=${id}.${secret}`;
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
				{ kind: 'button', text: 'Set your password', href: link },
				{ kind: 'paragraph', text: 'The link works once and expires in 7 days.' }
			],
			reason: `You got this email because you were booked in at the door of a ${config.branchName} event.`
		},
		config
	);
	await db.batch([
		db.insert(table.authTokens).values({
			id,
			userId: user.id,
			kind: 'password-reset',
			secretHash: digestSecret(secret),
			email: user.email,
			expiresAt: new Date(now.getTime() + INVITE_LIFETIME_MS),
			createdAt: now
		}),
		queueEmail(
			db,
			{
				idempotencyKey: `walk-in-invite/${id}`,
				to: { email: user.email, name: user.name },
				template: 'walk-in-invite',
				...content
			},
			now
		)
	]);
	wakeEmailWorker();
}
