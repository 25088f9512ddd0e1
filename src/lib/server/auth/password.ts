// Passwords: argon2id at OWASP's minimum (m = 19456 KiB, t = 2, p = 1), and a strength check
// that refuses passwords found in common-password lists or built from guessable patterns,
// worked out on this machine (zxcvbn-ts, no network look-up).
import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

const zxcvbn = new ZxcvbnFactory({
	translations: english.translations,
	graphs: common.adjacencyGraphs,
	dictionary: {
		...common.dictionary,
		...english.dictionary,
		branch: ['union', 'branch', 'unison', 'member', 'solidarity']
	}
});

export function hashPassword(password: string) {
	return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string) {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

/** Why a password will not do, in words a member can act on; null when it is fine. */
export function passwordProblem(password: string, personal: string[] = []): string | null {
	if (password.length < PASSWORD_MIN)
		return `Enter a password of at least ${PASSWORD_MIN} characters`;
	if (password.length > PASSWORD_MAX)
		return `Enter a password of ${PASSWORD_MAX} characters or fewer`;
	// The person's own name and address, whole and word by word, count as easy guesses.
	const words = personal
		.flatMap((value) => [value, ...value.split(/[^\p{L}\p{N}]+/u)])
		.filter((w) => w.length > 2);
	const result = zxcvbn.check(password, words);
	if (result.score >= 3) return null;
	const advice = result.feedback.warning || result.feedback.suggestions[0];
	return `Choose a password that is harder to guess${advice ? `: ${advice.replace(/\.$/, '').toLowerCase()}` : ''}. A few unrelated words together work well.`;
}
