// Reads and validates every setting the server and its scripts use, once, from the environment.
// A bad value stops start-up with a message that names the variable and what it accepts.

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

export function readConfig(env: Env = process.env) {
	const port = readInteger(env, 'PORT', 3000, 1, 65535);
	const origin = readUrl(env, 'ORIGIN', `http://localhost:${port}`, ['http:', 'https:']).replace(
		/\/$/,
		''
	);
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
		/** Domain that qualifies calendar UIDs; changing it makes calendars see new events. */
		calendarDomain: env.CALENDAR_DOMAIN?.trim() || new URL(origin).hostname,
		branchName: env.BRANCH_NAME?.trim() || 'Birmingham City Branch',
		/** How long this process reuses a rendered anonymous catalogue page (0 turns it off). */
		catalogueCacheMs: readInteger(env, 'CATALOGUE_CACHE_MS', 1000, 0, 60_000)
	};
}

export type Config = ReturnType<typeof readConfig>;

export const config: Config = readConfig();
