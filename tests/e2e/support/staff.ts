// Staff people for end-to-end tests: accounts written straight into the test server's database
// (each test makes its own, so parallel tests never share a two-factor counter), and the steps
// of signing in with a password and a code from an "authenticator app" computed here.
import { expect, type Page } from '@playwright/test';
import { decodeBase32 } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { generateTotpKey } from '../../../src/lib/server/auth/totp.ts';
import * as table from '../../../src/lib/server/db/schema/index.ts';
import type { StaffRole } from '../../../src/lib/server/db/schema/index.ts';
import { signIn, signOut, storedPassword, uniqueEmail } from './accounts.ts';
import { openE2eDatabase } from './server.ts';

export const STAFF_PASSWORD = 'Correct-Horse-Staple-26';

export function codeFor(secret: string) {
	return generateTOTP(decodeBase32(secret.replace(/\s+/g, '')), 30, 6);
}

/** A verified account with these roles; with `twoFactor` it has an enrolled key too. */
export async function createAccount(options: {
	name: string;
	roles?: StaffRole[];
	twoFactor?: boolean;
	label?: string;
}) {
	const totpSecret = options.twoFactor ? generateTotpKey() : null;
	const { db, client } = openE2eDatabase();
	try {
		const [user] = await db
			.insert(table.users)
			.values({
				email: uniqueEmail(options.label ?? 'staff'),
				name: options.name,
				passwordHash: await storedPassword(STAFF_PASSWORD),
				emailVerifiedAt: new Date(),
				roles: options.roles ?? [],
				totpSecret,
				totpEnrolledAt: totpSecret ? new Date() : null
			})
			.returning();
		return { ...user, password: STAFF_PASSWORD, totpSecret };
	} finally {
		client.close();
	}
}

/**
 * Enters the code the app shows now. A code is taken once per account, so when another test
 * signed the same demo account in within these 30 seconds, this waits for the next code.
 */
export async function enterTwoFactorCode(page: Page, secret: string) {
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enter your two-factor code');
	for (let attempt = 1; ; attempt++) {
		await page.getByLabel('Code from your authenticator app').fill(codeFor(secret));
		await page.getByRole('button', { name: 'Continue' }).click();
		const spent = page.getByRole('alert').filter({ hasText: 'used already' });
		const outcome = await Promise.race([
			page
				.waitForURL((url) => url.pathname !== '/two-factor', { timeout: 30_000 })
				.then(
					() => 'entered',
					() => 'entered'
				),
			spent.waitFor({ timeout: 30_000 }).then(
				() => 'spent',
				() => 'entered'
			)
		]);
		if (outcome === 'entered' || attempt === 3) return;
		await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 250);
	}
}

/** Signs an enrolled staff member in all the way, landing on `target`. */
export async function signInAsStaff(
	page: Page,
	person: { email: string; password: string; totpSecret: string | null },
	target: string
) {
	await page.goto(`/login?redirectTo=${encodeURIComponent(target)}`);
	await signIn(page, person.email, person.password);
	await enterTwoFactorCode(page, person.totpSecret!);
	await expect(page).toHaveURL(pathIs(target));
}

/** Matches a page URL by its path and query alone. */
export function pathIs(pathAndQuery: string) {
	return (url: URL) => url.pathname + url.search === pathAndQuery;
}

export { signIn, signOut, uniqueEmail };
