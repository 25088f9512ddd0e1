// Signed-in sessions made straight in the end-to-end database, for tests about who may open
// what rather than about signing in (the sign-in journeys have their own specs).
import { digestSecret, generateSecret } from '../../../src/lib/server/auth/secrets.ts';
import type { Browser } from '@playwright/test';
import { openE2eDatabase, port } from './server.ts';

/**
 * A session token for an existing account; staff get two-factor already done, unless
 * `twoFactorDone` is false (signed in with a password, the code not yet entered).
 */
export async function sessionFor(email: string, options: { twoFactorDone?: boolean } = {}) {
	const { client } = openE2eDatabase();
	const id = generateSecret(20);
	const secret = generateSecret(32);
	const now = Date.now();
	const verifiedAt = (options.twoFactorDone ?? true) ? now : null;
	await client.execute({
		sql: `insert into sessions (id, secret_hash, user_id, created_at, last_used_at, two_factor_verified_at)
			select ?, ?, id, ?, ?, case when roles <> '[]' then ? end from users where email = ?`,
		args: [id, digestSecret(secret), now, now, verifiedAt, email]
	});
	client.close();
	return `${id}.${secret}`;
}

/** A page in a browser context of its own, signed in with this session token. */
export async function pageSignedInWith(browser: Browser, token: string) {
	const context = await browser.newContext();
	await context.addCookies([{ name: 'session', value: token, url: `http://localhost:${port}` }]);
	return context.newPage();
}
