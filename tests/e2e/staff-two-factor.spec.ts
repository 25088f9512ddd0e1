import { expect, test } from '@playwright/test';
import { and, eq } from 'drizzle-orm';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as table from '../../src/lib/server/db/schema/index.ts';
import {
	DEMO_PASSWORDS,
	DEMO_TOTP_SECRET,
	demoMembers,
	demoStaff
} from '../../src/lib/server/demo/seed-demo.ts';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { screenshotAtPhoneAndDesktop } from './support/screenshots.ts';
import { e2eDatabaseUrl, openE2eDatabase, port } from './support/server.ts';
import {
	codeFor,
	enterTwoFactorCode,
	pathIs,
	signIn,
	signOut,
	uniqueEmail
} from './support/staff.ts';

const run = promisify(execFile);

// Each story signs in with argon2-hashed passwords, runs axe and takes full-page screenshots:
// on a busy two-core machine that can pass the default 30 seconds.
test.describe.configure({ timeout: 90_000 });
const USERS = '/admin/users';

test('a demo admin signs in with a code from their authenticator app and reaches the users page', async ({
	page,
	request
}) => {
	const admin = demoStaff[0];
	await page.goto(USERS);
	await expect(page).toHaveURL(pathIs('/login?redirectTo=%2Fadmin%2Fusers'));
	await signIn(page, admin.email, DEMO_PASSWORDS.staff);

	await expect(page).toHaveURL(pathIs('/two-factor?redirectTo=%2Fadmin%2Fusers'));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enter your two-factor code');
	await expectNoAxeViolations(page);

	const right = codeFor(DEMO_TOTP_SECRET);
	const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
	await page.getByLabel('Code from your authenticator app').fill(wrong);
	await page.getByRole('button', { name: 'Continue' }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('There is a problem');
	await expect(summary.getByRole('link')).toHaveText(
		'The code is not right. Enter the code your authenticator app shows now.'
	);
	await expect(page.getByLabel('Code from your authenticator app')).toHaveValue(wrong);
	await expectNoAxeViolations(page);

	const sessionToken = async () =>
		(await page.context().cookies()).find((c) => c.name === 'session')?.value;
	const beforeCode = await sessionToken();
	await enterTwoFactorCode(page, DEMO_TOTP_SECRET);
	await expect(page).toHaveURL(pathIs(USERS));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users');
	await expect(page.getByRole('row', { name: /admin@branchdesk\.example/ })).toContainText(
		'Grace Mensah'
	);

	// The code gives the session a new token: one copied before the code was entered is useless.
	expect(await sessionToken()).not.toBe(beforeCode);
	const copied = await request.get(USERS, {
		headers: { cookie: `session=${beforeCode}` },
		maxRedirects: 0
	});
	expect(copied.status()).toBe(303);
	expect(copied.headers()['location']).toBe('/login?redirectTo=%2Fadmin%2Fusers');
});

test('a new admin made with npm run create-admin sets up two-factor and keeps their recovery codes', async ({
	page
}) => {
	const email = uniqueEmail('first-admin');
	const { stdout } = await run(
		process.execPath,
		['scripts/create-admin.ts', '--email', email, '--name', 'Nadia Rahman'],
		{
			env: {
				...process.env,
				DATABASE_URL: e2eDatabaseUrl,
				ORIGIN: `http://localhost:${port}`,
				WORKERS: 'off'
			}
		}
	);
	expect(stdout).toContain(`Created an admin account for Nadia Rahman <${email}>`);
	const password = /Password: (\S+)/.exec(stdout)![1];

	await page.goto(USERS);
	await signIn(page, email, password);
	await expect(page).toHaveURL(pathIs('/two-factor/setup?redirectTo=%2Fadmin%2Fusers'));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up two-factor sign-in');
	await expect(page.getByRole('img', { name: /QR code that adds your/ })).toBeVisible();
	await expectNoAxeViolations(page);
	await screenshotAtPhoneAndDesktop(page, 'two-factor-setup');

	await page.getByRole('button', { name: 'Turn on two-factor' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter the code from your authenticator app');

	const key = (await page.locator('#setup-key').textContent())!;
	expect(key).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
	await page.getByLabel('Code from your authenticator app').fill(codeFor(key));
	await page.getByRole('button', { name: 'Turn on two-factor' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Save your recovery codes');
	await expect(page.getByRole('status')).toHaveText('Two-factor sign-in is on for your account.');
	const codes = await page
		.getByRole('list', { name: 'Recovery codes' })
		.locator('li')
		.allTextContents();
	expect(codes).toHaveLength(10);
	const download = page.getByRole('link', { name: 'Download as a text file' });
	await expect(download).toHaveAttribute('download', 'recovery-codes.txt');
	const file = decodeURIComponent((await download.getAttribute('href'))!.split(',')[1]);
	expect(file.trim().split('\n').slice(-10)).toEqual(codes.map((c) => c.trim()));
	await page.getByRole('button', { name: 'Copy codes' }).click();
	await expect(page.getByText(/Copied\.|did not let the page copy/)).toBeVisible();
	await expectNoAxeViolations(page);
	await screenshotAtPhoneAndDesktop(page, 'two-factor-recovery-codes');
	await page.getByRole('link', { name: 'Continue' }).click();
	await expect(page).toHaveURL(pathIs(USERS));

	const { db, client } = openE2eDatabase();
	const [user] = await db.select().from(table.users).where(eq(table.users.email, email));
	const audit = await db
		.select({ action: table.auditLog.action })
		.from(table.auditLog)
		.where(
			and(eq(table.auditLog.subjectType, 'user'), eq(table.auditLog.subjectId, String(user.id)))
		);
	client.close();
	expect(user.totpSecret).toBe(key.replace(/ /g, ''));
	expect(audit.map((entry) => entry.action)).toEqual(
		expect.arrayContaining(['admin-created', 'two-factor-enrolled'])
	);

	// Phone lost: a recovery code stands in for the app once, and only once.
	for (const attempt of ['first', 'again'] as const) {
		await signOut(page);
		await page.goto(USERS);
		await signIn(page, email, password);
		await expect(page).toHaveURL(pathIs('/two-factor?redirectTo=%2Fadmin%2Fusers'));
		await page.getByText('Use a recovery code').click();
		await page.getByLabel('Recovery code').fill(codes[0].toUpperCase());
		await page.getByRole('button', { name: 'Use recovery code' }).click();
		if (attempt === 'first') {
			await expect(page).toHaveURL(pathIs(USERS));
		} else {
			await expect(page.getByRole('alert')).toContainText('it has been used already');
			await expect(page.getByLabel('Recovery code')).toBeVisible();
			await expect(page).toHaveURL(/\/two-factor/);
		}
	}
});

test('a member is refused the users page, and a visitor is sent to sign in first', async ({
	page
}) => {
	const response = await page.goto(USERS);
	expect(response?.status()).toBe(200);
	await expect(page).toHaveURL(pathIs('/login?redirectTo=%2Fadmin%2Fusers'));

	const member = demoMembers[4];
	await signIn(page, member.email, DEMO_PASSWORDS.member);
	await expect(page).toHaveURL(pathIs(USERS));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('There is a problem');
	await expect(page.getByText('You do not have permission to see this page')).toBeVisible();
	expect((await page.goto(USERS))?.status()).toBe(403);
	expect((await page.goto('/admin/outbox'))?.status()).toBe(403);
	expect((await page.goto('/two-factor/setup'))?.status()).toBe(403);
	await expect(page.getByText('Two-factor sign-in is for branch staff')).toBeVisible();
});
