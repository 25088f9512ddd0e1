// Any SMTP server through nodemailer: Resend's SMTP relay, a branch's Microsoft 365, a local
// relay. The invite goes inline as a text/calendar; method=… alternative (see mime.ts), which
// Outlook needs to apply updates and cancellations. Plain SMTP has no idempotency key: a crash
// between the server's "250 OK" and the outbox update can send a message twice (Resend's relay
// reads the Resend-Idempotency-Key header and drops the repeat). Every stage of a send (connect,
// greeting, each reply) is bounded by the send timeout, which is shorter than the lease, and the
// whole send counts as not sent once that time has passed; nodemailer cannot recall a message a
// slow server is still taking, so that server may deliver a later retry as a second copy.
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

export function createSmtpTransport(url: string, timeoutMs = 15_000): Transport {
	const transporter = nodemailer.createTransport({
		url,
		connectionTimeout: timeoutMs,
		greetingTimeout: timeoutMs,
		socketTimeout: timeoutMs,
		dnsTimeout: timeoutMs
	});
	return {
		name: 'smtp',
		async send(envelope) {
			let timer: ReturnType<typeof setTimeout> | undefined;
			const timedOut = new Promise<SendOutcome>((resolve) => {
				timer = setTimeout(
					() => resolve({ kind: 'retry', error: `no answer within ${timeoutMs} ms` }),
					timeoutMs
				);
			});
			const sent = transporter.sendMail(mailOptionsOf(envelope)).then(
				(info): SendOutcome => ({ kind: 'accepted', providerId: info.messageId }),
				(error: SmtpError) => outcomeOfSmtpError(error)
			);
			try {
				return await Promise.race([sent, timedOut]);
			} finally {
				clearTimeout(timer);
			}
		}
	};
}
