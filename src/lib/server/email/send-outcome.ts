// How a provider's answer to one send decides what happens to the message next. Pure rules,
// shared by every transport.

export type SendOutcome =
	| { kind: 'accepted'; providerId: string }
	/** Worth trying again later: rate limits, provider outages, network failures. */
	| { kind: 'retry'; error: string; retryAfterMs?: number }
	/** The provider will never accept this message as it is: bad address, bad request, bad key. */
	| { kind: 'rejected'; error: string };

/** Classifies an HTTP status and error name from an email API (Resend's semantics). */
export function outcomeOfHttpStatus(
	status: number | null,
	error: string,
	retryAfterHeader?: string | null,
	errorName?: string
): SendOutcome {
	if (status === null) return { kind: 'retry', error };
	if (status === 429) {
		const seconds = retryAfterHeader?.trim() ? Number(retryAfterHeader) : NaN;
		return {
			kind: 'retry',
			error,
			retryAfterMs: Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined
		};
	}
	// A 409 for a key the provider is still working on will settle: ask again later. Any other
	// 409 (invalid_idempotent_request: the key was used with a different message) never will.
	if (status === 409) {
		return errorName === 'concurrent_idempotent_requests'
			? { kind: 'retry', error }
			: { kind: 'rejected', error };
	}
	if (status >= 500) return { kind: 'retry', error };
	return { kind: 'rejected', error };
}

/**
 * Exponential backoff with jitter: base, 2×base, 4×base … up to `maxMs`, each 50–100%. The
 * cap bounds how late a message goes out after a provider outage ends: however long the
 * outage, every waiting message is tried again within `maxMs` of the provider's return.
 */
export function retryDelayMs(
	attempts: number,
	baseMs: number,
	maxMs = 3_600_000,
	random = Math.random
) {
	const capped = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
	return Math.round(capped * (0.5 + random() * 0.5));
}
