// The nodemailer message for an envelope: used by the SMTP transport to send and by the dev
// transport to keep the exact .eml that SMTP would have sent. The calendar goes as nodemailer's
// icalEvent, an inline text/calendar; method=… alternative part, which Outlook needs to apply
// updates and cancellations.
import type { SendMailOptions } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Envelope } from '../message.ts';

export function mailOptionsOf(envelope: Envelope): SendMailOptions {
	return {
		from: { name: envelope.from.name, address: envelope.from.email },
		to: envelope.to.name
			? { name: envelope.to.name, address: envelope.to.email }
			: envelope.to.email,
		subject: envelope.subject,
		text: envelope.text,
		html: envelope.html,
		// Resend's SMTP relay sends a message once per Resend-Idempotency-Key, as its API does.
		headers: {
			'X-Entity-Ref-ID': envelope.idempotencyKey,
			'Resend-Idempotency-Key': envelope.idempotencyKey
		},
		icalEvent: envelope.calendar
			? {
					method: envelope.calendar.method,
					filename: envelope.calendar.method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
					content: envelope.calendar.ics
				}
			: undefined
	};
}

export async function composeRawMessage(envelope: Envelope): Promise<string> {
	const raw = await new MailComposer(mailOptionsOf(envelope)).compile().build();
	return raw.toString('utf8');
}
