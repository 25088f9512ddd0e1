// Reads and validates every setting the server and its scripts use, once, from the environment.
// A bad value stops start-up with a message that names the variable and what it accepts.

import { createHash } from 'node:crypto';

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function readUrl(env: Env, name: string, fallback: string, protocols: string[]): string {
	const value = env[name]?.trim() || fallback;
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new ConfigError(`${name} must be a URL such as ${fallback} (got "${value}")`);
	}
	if (!protocols.includes(url.protocol)) {
		throw new ConfigError(`${name} must start with ${protocols.join(' or ')} (got "${value}")`);
	}
	return value;
}

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
	const raw = env[name]?.trim();
	if (!raw) return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < min || value > max) {
		throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
	}
	return value;
}

/** adapter-node's BODY_SIZE_LIMIT, read its way: bytes, or a number ending K, M or G; Infinity. */
function readByteSize(env: Env, name: string, fallback: string): number {
	const raw = env[name]?.trim() || fallback;
	const multiplier = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[raw.slice(-1).toUpperCase()] ?? 1;
	const value = Number(multiplier === 1 ? raw : raw.slice(0, -1)) * multiplier;
	if (Number.isNaN(value) || value <= 0) {
		throw new ConfigError(`${name} must be a size such as 512K, 11M or Infinity (got "${raw}")`);
	}
	return value;
}

function readChoice<T extends string>(
	env: Env,
	name: string,
	choices: readonly T[],
	fallback: T
): T {
	const raw = env[name]?.trim() || fallback;
	if (!(choices as readonly string[]).includes(raw)) {
		throw new ConfigError(`${name} must be one of ${choices.join(', ')} (got "${raw}")`);
	}
	return raw as T;
}

function readEmailConfig(env: Env, branchName: string) {
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
			return env.EMAIL_FROM_NAME?.trim() || savedBranchName || branchName;
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

/** Anyone can read this source, so the key it derives protects development data only. */
const DEV_GRANT_DATA_KEY = 'branchdesk-development-only-grant-data-key';

function readGrantDataKey(env: Env) {
	const raw = env.GRANT_DATA_KEY?.trim();
	if (!raw) {
		return {
			key: createHash('sha256').update(DEV_GRANT_DATA_KEY).digest(),
			isDevelopmentKey: true,
			devKeyInProduction: env.NODE_ENV === 'production' && env.ALLOW_DEV_GRANT_KEY !== 'true',
			devKeyAllowed: env.ALLOW_DEV_GRANT_KEY === 'true'
		};
	}
	const key = Buffer.from(raw, 'base64');
	if (key.length !== 32) {
		throw new ConfigError(
			'GRANT_DATA_KEY must be 32 random bytes in base64, e.g. from: openssl rand -base64 32'
		);
	}
	return { key, isDevelopmentKey: false, devKeyInProduction: false, devKeyAllowed: false };
}

export const logLevels = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/**
 * The name an admin saved at /admin/settings, put here by settings/branch-settings.ts whenever it
 * reads or saves the settings, so every `config.branchName` (subjects, calendars, page titles)
 * follows it; until then, BRANCH_NAME.
 */
let savedBranchName: string | null = null;
export function useSavedBranchName(name: string | null) {
	savedBranchName = name;
}

export function readConfig(env: Env = process.env) {
	// The session cookie, HSTS and the links in emails all follow ORIGIN; adapter-node's
	// header-based alternative would let the address it sees and the one they use disagree.
	for (const name of ['PROTOCOL_HEADER', 'HOST_HEADER']) {
		if (env[name]?.trim()) {
			throw new ConfigError(
				`${name} is not supported: set ORIGIN to the public address instead (e.g. ORIGIN=https://desk.example.org); cookies, HSTS and links in emails all follow it`
			);
		}
	}
	const port = readInteger(env, 'PORT', 3000, 1, 65535);
	const origin = readUrl(env, 'ORIGIN', `http://localhost:${port}`, ['http:', 'https:']).replace(
		/\/$/,
		''
	);
	// Only the default until an admin saves the branch's name (settings/branch-settings.ts).
	const branchName = env.BRANCH_NAME?.trim() || 'Branchdesk';
	return {
		databaseUrl: readUrl(env, 'DATABASE_URL', 'file:data/branchdesk.db', [
			'file:',
			'libsql:',
			'http:',
			'https:',
			'ws:',
			'wss:'
		]),
		databaseAuthToken: env.DATABASE_AUTH_TOKEN?.trim() || undefined,
		/** Milliseconds a write waits for another process's write lock before giving up. */
		databaseBusyTimeoutMs: readInteger(env, 'DATABASE_BUSY_TIMEOUT_MS', 10_000, 0, 600_000),
		port,
		origin,
		/**
		 * ORIGIN set by the person running it: forms are accepted only from there. Unset (the demo),
		 * a form is accepted from whatever address served its page: localhost, 127.0.0.1, the LAN.
		 */
		originPinned: Boolean(env.ORIGIN?.trim()),
		/** On an empty database the start command adds the demo (on) or makes it a real branch's (off). */
		demoData: readChoice(env, 'DEMO_DATA', ['on', 'off'] as const, 'on'),
		/** Domain that qualifies calendar UIDs; changing it makes calendars see new events. */
		calendarDomain: env.CALENDAR_DOMAIN?.trim() || new URL(origin).hostname,
		/** BRANCH_NAME: the default for the branch settings' name. */
		branchNameFromEnvironment: branchName,
		get branchName() {
			return savedBranchName ?? branchName;
		},
		/** Background jobs (email delivery and the rest) in this process, or only in npm run worker. */
		workers: readChoice(env, 'WORKERS', ['on', 'off'] as const, 'on'),
		/** How often the booking jobs (offer expiry, reminders, retention) run. */
		jobsIntervalMs: readInteger(env, 'JOBS_INTERVAL_MS', 60_000, 100, 3_600_000),
		email: readEmailConfig(env, branchName),
		/** The largest request body adapter-node lets through; uploads must fit inside it. */
		bodySizeLimit: readByteSize(env, 'BODY_SIZE_LIMIT', '512K'),
		/** How long this process reuses a rendered anonymous catalogue page (0 turns it off). */
		catalogueCacheMs: readInteger(env, 'CATALOGUE_CACHE_MS', 1000, 0, 60_000),
		/** AES-256-GCM key for grant applicants' bank details (grants/bank-details.ts). */
		grantDataKey: readGrantDataKey(env),
		/** The least important log line written: debug adds idle job polls and /healthz requests. */
		logLevel: readChoice(env, 'LOG_LEVEL', logLevels, 'info'),
		/** Where npm run backup writes its copies of an embedded database. */
		backupDir: env.BACKUP_DIR?.trim() || 'backups'
	};
}

export type Config = ReturnType<typeof readConfig>;

/** Refuses to serve or send with settings that are only safe for development. */
export function assertSafeToServe(config: Config) {
	if (config.email.transport === 'dev' && config.email.devMailInProduction) {
		throw new ConfigError(
			'EMAIL_TRANSPORT=dev shows every message at /dev/mail, so it is refused with NODE_ENV=production; choose resend or smtp, or set ALLOW_DEV_MAIL=true for a demo'
		);
	}
	if (config.grantDataKey.devKeyInProduction) {
		throw new ConfigError(
			"GRANT_DATA_KEY is missing: grant applicants' bank details need a real key with NODE_ENV=production (openssl rand -base64 32), or ALLOW_DEV_GRANT_KEY=true for a demo"
		);
	}
}

/** Stops the process with one line naming the bad setting, instead of a stack trace. */
export function exitOnConfigError<T>(read: () => T): T {
	try {
		return read();
	} catch (error) {
		if (!(error instanceof ConfigError)) throw error;
		console.error(
			`Branchdesk cannot start: ${error.message}. Every setting is described in .env.example.`
		);
		process.exit(1);
	}
}

export const config: Config = exitOnConfigError(() => readConfig());
