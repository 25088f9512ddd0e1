import { describe, expect, it } from 'vitest';
import { digestSecret, generateSecret, secretMatches } from './secrets.ts';

describe('secrets', () => {
	it('draws every one of the 32 letters, evenly, and nothing else', () => {
		const letters = generateSecret(64_000);
		expect(letters).toMatch(/^[a-km-np-z2-9]+$/);
		const counts = new Map<string, number>();
		for (const letter of letters) counts.set(letter, (counts.get(letter) ?? 0) + 1);
		expect(counts.size).toBe(32);
		// 2,000 expected each; six standard deviations either side.
		for (const n of counts.values()) expect(Math.abs(n - 2000)).toBeLessThan(6 * Math.sqrt(2000));
	});

	it('gives a different secret each time, and matches only its own digest', () => {
		const secrets = new Set(Array.from({ length: 1000 }, () => generateSecret()));
		expect(secrets.size).toBe(1000);
		const [a, b] = secrets;
		expect(a).toHaveLength(32);
		expect(secretMatches(a, digestSecret(a))).toBe(true);
		expect(secretMatches(b, digestSecret(a))).toBe(false);
	});
});
