// The email settings: provider and its secret, sending address, rate, retries and the lease
// that keeps two workers from sending one message twice.
import { ConfigError, readChoice, readInteger, type Env } from './config-values.ts';

/** Which provider sends, with the secret it needs. */
function readEmailTransport(env: Env) {
	const transport = readChoice(env, 'EMAIL_TRANSPORT', ['dev', 'resend', 'smtp'] as const, 'dev');
	const resendApiKey = env.RESEND_API_KEY?.trim() || undefined;
	if (transport === 'resend' && !resendApiKey) {
		throw new ConfigError('EMAIL_TRANSPORT=resend needs RESEND_API_KEY');
	}
	const smtpUrl = env.SMTP_URL?.trim() || undefined;
	if (transport === 'smtp' && !smtpUrl) {
		throw new ConfigError(
			'EMAIL_TRANSPORT=smtp needs SMTP_URL, e.g. smtps://user:pass@smtp.example.org:465'
		);
	}
	return { transport, resendApiKey, smtpUrl };
}

/** The claim on a message and the longest one send may take, which must end inside it. */
function readEmailLease(env: Env) {
	const leaseMs = readInteger(env, 'EMAIL_LEASE_MS', 60_000, 100, 3_600_000);
	const sendTimeoutMs = readInteger(
		env,
		'EMAIL_SEND_TIMEOUT_MS',
		Math.min(15_000, Math.floor(leaseMs / 3)),
		10,
		3_600_000
	);
	if (sendTimeoutMs >= leaseMs) {
		throw new ConfigError(
			`EMAIL_SEND_TIMEOUT_MS (${sendTimeoutMs}) must be shorter than EMAIL_LEASE_MS (${leaseMs})`
		);
	}
	return { leaseMs, sendTimeoutMs };
}

/**
 * The email settings. `branchName` is asked each time a message is addressed, so a name saved
 * in the branch settings is used at once.
 */
export function readEmailConfig(env: Env, branchName: () => string) {
	const { transport, resendApiKey, smtpUrl } = readEmailTransport(env);
	const { leaseMs, sendTimeoutMs } = readEmailLease(env);
	const fromAddress = env.EMAIL_FROM?.trim() || 'events@branchdesk.example';
	if (!/^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/.test(fromAddress)) {
		throw new ConfigError(`EMAIL_FROM must be a plain email address (got "${fromAddress}")`);
	}
	return {
		transport,
		/** The dev transport shows every message at /dev/mail: acceptable in production only for a demo. */
		devMailInProduction: env.NODE_ENV === 'production' && env.ALLOW_DEV_MAIL !== 'true',
		/** Set by the person running it: a real branch's database may then keep mail at /dev/mail. */
		devMailAllowed: env.ALLOW_DEV_MAIL === 'true',
		/** False while the placeholder sending address is in use. */
		fromAddressSet: Boolean(env.EMAIL_FROM?.trim()),
		/** The branch mailbox that sends every email and organises every invite; people read it. */
		fromAddress,
		/** EMAIL_FROM_NAME, else the branch's name as saved in its settings. */
		get fromName() {
			return env.EMAIL_FROM_NAME?.trim() || branchName();
		},
		resendApiKey,
		resendWebhookSecret: env.RESEND_WEBHOOK_SECRET?.trim() || undefined,
		smtpUrl,
		/** Messages a second this process hands to the provider (Resend allows about 2). */
		ratePerSecond: readInteger(
			env,
			'EMAIL_RATE_PER_SECOND',
			transport === 'resend' ? 2 : 50,
			1,
			1000
		),
		/** First retry delay; doubles each attempt (with jitter) up to retryMaxMs. */
		retryBaseMs: readInteger(env, 'EMAIL_RETRY_BASE_MS', 30_000, 1, 3_600_000),
		/**
		 * The longest wait between tries: after a provider outage of any length, the backlog is
		 * retried within this long of its return.
		 */
		retryMaxMs: readInteger(env, 'EMAIL_RETRY_MAX_MS', 300_000, 1000, 3_600_000),
		/** Give up inside the provider's 24-hour idempotency window. */
		giveUpAfterMs: readInteger(env, 'EMAIL_GIVE_UP_AFTER_MS', 23 * 3_600_000, 1000, 23 * 3_600_000),
		/** How long a claimed message is reserved for the process that claimed it. */
		leaseMs,
		/**
		 * The longest one send may take before it counts as failed and is retried. Shorter than
		 * the lease, so no send outlives its claim and races another process sending it again.
		 */
		sendTimeoutMs,
		/** How often an idle worker looks for due messages. */
		pollMs: readInteger(env, 'EMAIL_POLL_MS', 1000, 10, 60_000)
	};
}
