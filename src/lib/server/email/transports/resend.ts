// Resend's REST API through its SDK. The outbox key goes as the Idempotency-Key, so a message
// sent again after a crash is accepted once; the calendar travels as an attachment whose
// content type carries the iTIP method (Gmail and Apple Calendar apply it). A request without an
// answer within the send timeout is abandoned and retried under the same key.
import { Resend } from 'resend';
import type { Transport } from '../delivery.ts';
import { outcomeOfHttpStatus } from '../send-outcome.ts';

const formatAddress = (a: { email: string; name?: string | null }) =>
	a.name ? `${a.name.replace(/["<>]/g, '')} <${a.email}>` : a.email;

export function createResendTransport(apiKey: string, timeoutMs = 15_000): Transport {
	// RESEND_BASE_URL (read by the SDK here) points tests at a fake server.
	const resend = new Resend(apiKey);
	return {
		name: 'resend',
		async send(envelope) {
			const signal = AbortSignal.timeout(timeoutMs);
			const { data, error, headers } = await resend.emails.send(
				{
					from: formatAddress(envelope.from),
					to: [formatAddress(envelope.to)],
					subject: envelope.subject,
					text: envelope.text,
					html: envelope.html,
					attachments: envelope.calendar
						? [
								{
									filename: envelope.calendar.method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
									content: Buffer.from(envelope.calendar.ics, 'utf8').toString('base64'),
									contentType: `text/calendar; charset=UTF-8; method=${envelope.calendar.method}`
								}
							]
						: undefined
				},
				{ idempotencyKey: envelope.idempotencyKey, signal }
			);
			if (data) return { kind: 'accepted', providerId: data.id };
			if (signal.aborted) return { kind: 'retry', error: `no answer within ${timeoutMs} ms` };
			const status = typeof error?.statusCode === 'number' ? error.statusCode : null;
			return outcomeOfHttpStatus(
				status,
				`${status ?? 'no answer'} ${error?.name ?? 'error'}: ${error?.message ?? ''}`.trim(),
				headers?.['retry-after'],
				error?.name
			);
		}
	};
}
