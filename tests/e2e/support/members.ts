import {
	expect,
	type APIRequestContext,
	type Browser,
	type BrowserContext,
	type Page
} from '@playwright/test';
import { like } from 'drizzle-orm';
import * as table from '../../../src/lib/server/db/schema/index.ts';
import { insertSignedInSession } from '../../../src/lib/server/testing/signed-in-session.ts';
import { signIn, signOut, storedPassword, uniqueEmail } from './accounts.ts';
import { openE2eDatabase, port } from './server.ts';
import { sessionFor } from './sessions.ts';

export const MEMBER_PASSWORD = 'harbour violin saffron meadow';

/** A membership number no other test has used. */
export function uniqueMembershipNumber() {
	return `E${Date.now().toString().slice(-8)}${Math.floor(Math.random() * 1000)}`;
}

/** The 8-digit code in the newest email sent to `to`, once the worker has delivered it. */
export async function latestCode(request: APIRequestContext, to: string) {
	let code = '';
	await expect(async () => {
		const mail: { text: string }[] = await (
			await request.get(`/dev/mail.json?to=${encodeURIComponent(to)}`)
		).json();
		const match = /\b(\d{8})\b/.exec(mail[0]?.text ?? '');
		expect(match).not.toBeNull();
		code = match![1];
	}).toPass({ timeout: 15_000 });
	return code;
}

export async function registerAndVerify(
	page: Page,
	request: APIRequestContext,
	person: { name: string; email: string; password?: string }
) {
	await page.goto('/register');
	await page.getByLabel('Full name').fill(person.name);
	await page.getByLabel('Email').fill(person.email);
	await page.getByLabel('Password').fill(person.password ?? MEMBER_PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page).toHaveURL(/\/verify-email/);
	await page.getByLabel('Verification code').fill(await latestCode(request, person.email));
	await page.getByRole('button', { name: 'Verify email' }).click();
	await expect(page).toHaveURL(/\/account$/);
}

/** A row of the branch membership list, as an import would have left it. */
export async function addToMembershipList(row: {
	membershipNumber: string;
	surname: string;
	postcode: string;
	joinedOn: string;
	subsPaidTo: string;
}) {
	const { db, client } = openE2eDatabase();
	await db
		.insert(table.membersRegister)
		.values({ ...row, importedAt: new Date() })
		.onConflictDoNothing();
	client.close();
}

let serial = 0;

const DAY = 24 * 3_600_000;

/**
 * A member in good standing for years, with their own home so households never collide; with
 * `subsLapsed` the membership list shows their subs last paid three months ago.
 */
export async function createMemberInGoodStanding(
	name: string,
	options: { subsLapsed?: boolean } = {}
) {
	serial += 1;
	const membershipNumber = `G${Date.now() % 1_000_000}${serial}${process.pid % 100}`;
	const { db, client } = openE2eDatabase();
	try {
		const paidTo = new Date(Date.now() - (options.subsLapsed ? 90 * DAY : 0));
		await db.insert(table.membersRegister).values({
			membershipNumber,
			surname: name.split(' ').at(-1)!,
			postcode: 'B15 2TT',
			joinedOn: '2019-04-01',
			subsPaidTo: paidTo.toISOString().slice(0, 10),
			importedAt: new Date()
		});
		const [user] = await db
			.insert(table.users)
			.values({
				email: uniqueEmail('member'),
				name,
				passwordHash: await storedPassword(MEMBER_PASSWORD),
				emailVerifiedAt: new Date(),
				membershipNumber,
				memberVerifiedAt: new Date()
			})
			.returning();
		return user;
	} finally {
		client.close();
	}
}

/**
 * A new member of this test's own, already signed in, in a browser context of their own: for
 * tests about what members do rather than about signing in.
 */
export async function signedInMember(
	browser: Browser,
	name: string,
	options: { subsLapsed?: boolean } = {}
) {
	const member = await createMemberInGoodStanding(name, options);
	const context = await browser.newContext();
	await context.addCookies([
		{ name: 'session', value: await sessionFor(member.email), url: `http://localhost:${port}` }
	]);
	return { member, page: await context.newPage() };
}

/** Clears the per-address sign-in throttle, so one test's wrong passwords never lock out the next. */
export async function clearSignInThrottle() {
	const { db, client } = openE2eDatabase();
	await db.delete(table.rateLimits).where(like(table.rateLimits.key, 'login-ip:%'));
	client.close();
}

/**
 * An admin who has enrolled two-factor and entered a code in this session, for pages the
 * sign-in flow reaches only through the two-factor step.
 */
export async function signedInAdmin(context: BrowserContext) {
	const { db, client } = openE2eDatabase();
	const now = new Date();
	const [admin] = await db
		.insert(table.users)
		.values({
			email: uniqueEmail('admin'),
			name: 'Ada Admin',
			roles: ['admin'],
			emailVerifiedAt: now,
			totpSecret: 'JBSWY3DPEHPK3PXP',
			totpEnrolledAt: now
		})
		.returning();
	const token = await insertSignedInSession(db, admin.id, now);
	client.close();
	await context.addCookies([{ name: 'session', value: token, url: `http://localhost:${port}` }]);
	return admin;
}

export { signIn, signOut, uniqueEmail };
