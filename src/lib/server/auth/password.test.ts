import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';

describe('passwords', () => {
	it('are stored as argon2id with m=19456 KiB, t=2, p=1', async () => {
		const stored = await hashPassword('correct horse battery staple');
		expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(stored, 'correct horse battery staple')).toBe(true);
		expect(await verifyPassword(stored, 'Correct horse battery staple')).toBe(false);
	});

	it('refuse common and guessable passwords with a reason', () => {
		for (const weak of ['password1', 'qwertyuiop', '12345678', 'solidarity']) {
			expect(passwordProblem(weak)).toMatch(/^Choose a password that is harder to guess/);
		}
		expect(passwordProblem('Okafor2026!', ['Amara Okafor', 'amara.okafor@example.org'])).toMatch(
			/harder to guess/
		);
	});

	it('accept a long passphrase and keep to 8–256 characters', () => {
		expect(passwordProblem('tangerine lighthouse gravel orbit')).toBeNull();
		expect(passwordProblem('Ab1!')).toBe('Enter a password of at least 8 characters');
		expect(passwordProblem('x'.repeat(257))).toBe('Enter a password of 256 characters or fewer');
	});
});
