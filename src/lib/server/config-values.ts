// How one setting is read from the environment: a URL, a whole number, a size, one of a few
// words; a bad value is a ConfigError naming the variable and what it accepts.

export class ConfigError extends Error {}

export type Env = Record<string, string | undefined>;

export function readUrl(env: Env, name: string, fallback: string, protocols: string[]): string {
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

export function readInteger(
	env: Env,
	name: string,
	fallback: number,
	min: number,
	max: number
): number {
	const raw = env[name]?.trim();
	if (!raw) return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < min || value > max) {
		throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
	}
	return value;
}

/** adapter-node's BODY_SIZE_LIMIT, read its way: bytes, or a number ending K, M or G; Infinity. */
export function readByteSize(env: Env, name: string, fallback: string): number {
	const raw = env[name]?.trim() || fallback;
	const multiplier = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[raw.slice(-1).toUpperCase()] ?? 1;
	const value = Number(multiplier === 1 ? raw : raw.slice(0, -1)) * multiplier;
	if (Number.isNaN(value) || value <= 0) {
		throw new ConfigError(`${name} must be a size such as 512K, 11M or Infinity (got "${raw}")`);
	}
	return value;
}

export function readChoice<T extends string>(
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
