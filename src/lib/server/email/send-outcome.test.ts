import { describe, expect, it } from 'vitest';
import { outcomeOfHttpStatus, retryDelayMs } from './send-outcome.ts';

describe('what a provider answer means', () => {
	it('retries rate limits, honouring retry-after', () => {
		expect(outcomeOfHttpStatus(429, 'slow down', '7')).toEqual({
			kind: 'retry',
			error: 'slow down',
			retryAfterMs: 7000
		});
		expect(outcomeOfHttpStatus(429, 'slow down', null)).toMatchObject({ retryAfterMs: undefined });
	});

	it('retries outages, network failures and a key still being processed', () => {
		for (const status of [500, 502, 503, null]) {
			expect(outcomeOfHttpStatus(status, 'x').kind).toBe('retry');
		}
		expect(outcomeOfHttpStatus(409, 'x', null, 'concurrent_idempotent_requests').kind).toBe(
			'retry'
		);
	});

	it('fails a key reused for a different message, with the reason, and any unknown 409', () => {
		const reason = '409 invalid_idempotent_request: key already used with a different payload';
		expect(outcomeOfHttpStatus(409, reason, null, 'invalid_idempotent_request')).toEqual({
			kind: 'rejected',
			error: reason
		});
		expect(outcomeOfHttpStatus(409, 'x').kind).toBe('rejected');
	});

	it('does not retry validation or authentication errors', () => {
		for (const status of [400, 401, 403, 422]) {
			expect(outcomeOfHttpStatus(status, 'x').kind).toBe('rejected');
		}
	});
});

describe('retry delays', () => {
	it('double each attempt, with jitter between half and all of the step', () => {
		expect(retryDelayMs(1, 1000, 3_600_000, () => 1)).toBe(1000);
		expect(retryDelayMs(2, 1000, 3_600_000, () => 1)).toBe(2000);
		expect(retryDelayMs(4, 1000, 3_600_000, () => 1)).toBe(8000);
		expect(retryDelayMs(4, 1000, 3_600_000, () => 0)).toBe(4000);
	});

	it('never wait more than the cap, an hour unless told otherwise', () => {
		expect(retryDelayMs(30, 30_000, undefined, () => 1)).toBe(3_600_000);
		expect(retryDelayMs(30, 30_000, 300_000, () => 1)).toBe(300_000);
		expect(retryDelayMs(30, 30_000, 300_000, () => 0)).toBe(150_000);
	});
});
