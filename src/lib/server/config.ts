// Reads and validates every setting the server and its scripts use, once, from the environment.
// A bad value stops start-up with a message that names the variable and what it accepts.

import { createHash } from 'node:crypto';
import { readEmailConfig } from './config-email.ts';
import {
	ConfigError,
	readByteSize,
	readChoice,
	readInteger,
	readUrl,
	type Env
} from './config-values.ts';

export { ConfigError } from './config-values.ts';

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

/**
 * The session cookie, HSTS and the links in emails all follow ORIGIN; adapter-node's
 * header-based alternative would let the address it sees and the one they use disagree.
 */
function refuseAddressHeaders(env: Env) {
	for (const name of ['PROTOCOL_HEADER', 'HOST_HEADER']) {
		if (env[name]?.trim()) {
			throw new ConfigError(
				`${name} is not supported: set ORIGIN to the public address instead (e.g. ORIGIN=https://desk.example.org); cookies, HSTS and links in emails all follow it`
			);
		}
	}
}

const databaseUrlSchemes = ['file:', 'libsql:', 'http:', 'https:', 'ws:', 'wss:'];

export function readConfig(env: Env = process.env) {
	refuseAddressHeaders(env);
	const port = readInteger(env, 'PORT', 3000, 1, 65535);
	const origin = readUrl(env, 'ORIGIN', `http://localhost:${port}`, ['http:', 'https:']).replace(
		/\/$/,
		''
	);
	// Only the default until an admin saves the branch's name (settings/branch-settings.ts).
	const branchName = env.BRANCH_NAME?.trim() || 'Branchdesk';
	return {
		databaseUrl: readUrl(env, 'DATABASE_URL', 'file:data/branchdesk.db', databaseUrlSchemes),
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
		email: readEmailConfig(env, () => savedBranchName || branchName),
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
