// Recognises a write that gave up because another connection held the database's lock for
// longer than the busy timeout, and a statement cut off by the reopening that follows. Nothing
// was written either way, so the person can safely send it again.

const BUSY_CODES = /^SQLITE_(BUSY|LOCKED)(_|$)/;
const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;

function hasBusyCode(error: object) {
	const { code, extendedCode, rawCode } = error as Record<string, unknown>;
	if (typeof code === 'string' && BUSY_CODES.test(code)) return true;
	if (typeof extendedCode === 'string' && BUSY_CODES.test(extendedCode)) return true;
	// Extended result codes keep the primary code in their low byte.
	return typeof rawCode === 'number' && [SQLITE_BUSY, SQLITE_LOCKED].includes(rawCode & 0xff);
}

function someCause(error: unknown, test: (cause: object) => boolean) {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
		if (test(current)) return true;
		current = (current as { cause?: unknown }).cause;
	}
	return false;
}

/** True when `error`, or what it wraps (Drizzle wraps the driver's error), is SQLITE_BUSY or SQLITE_LOCKED. */
export function isDatabaseBusy(error: unknown): boolean {
	return someCause(error, hasBusyCode);
}

/**
 * True when a statement never reached the database because this process reopened its connection
 * under it, after another request's busy failure (client.ts): nothing was written either.
 */
export function isConnectionReopened(error: unknown): boolean {
	return someCause(error, (cause) => (cause as { code?: unknown }).code === 'CLIENT_CLOSED');
}
