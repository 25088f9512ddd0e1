// Any SMTP server through nodemailer: Resend's SMTP relay, a branch's Microsoft 365, a local
// relay. The invite goes inline as a text/calendar; method=… alternative (see mime.ts), which
// Outlook needs to apply updates and cancellations. SMTP has no idempotency key: a crash
// between the server's "250 OK" and the outbox update can send a message twice.
import nodemailer from 'nodemailer';
import type { Transport } from '../delivery.ts';
import type { SendOutcome } from '../send-outcome.ts';
import { mailOptionsOf } from './mime.ts';

type SmtpError = Error & { responseCode?: number; code?: string };

function outcomeOfSmtpError(error: SmtpError): SendOutcome {
	const message = error.message;
	// 5xx replies are permanent (bad address, refused sender, authentication); the rest,
	// 4xx replies and connection failures, may pass on a later try.
	if (error.responseCode && error.responseCode >= 500) return { kind: 'rejected', error: message };
	if (error.code === 'EAUTH' || error.code === 'EENVELOPE')
		return { kind: 'rejected', error: message };
	return { kind: 'retry', error: message };
}

export function createSmtpTransport(url: string): Transport {
	const transporter = nodemailer.createTransport(url);
	return {
		name: 'smtp',
		async send(envelope) {
			try {
				const info = await transporter.sendMail(mailOptionsOf(envelope));
				return { kind: 'accepted', providerId: info.messageId };
			} catch (error) {
				return outcomeOfSmtpError(error as SmtpError);
			}
		}
	};
}
