// Chooses the transport named by EMAIL_TRANSPORT.
import type { Config } from '../../config.ts';
import type { Transport } from '../delivery.ts';
import { createDevTransport } from './dev.ts';
import { createResendTransport } from './resend.ts';
import { createSmtpTransport } from './smtp.ts';

export function createTransport(email: Config['email']): Transport {
	switch (email.transport) {
		case 'resend':
			return createResendTransport(email.resendApiKey!, email.sendTimeoutMs);
		case 'smtp':
			return createSmtpTransport(email.smtpUrl!, email.sendTimeoutMs);
		case 'dev':
			return createDevTransport();
	}
}
