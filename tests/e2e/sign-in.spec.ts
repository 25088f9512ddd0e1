import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { signIn, uniqueEmail } from './support/accounts.ts';
import { resetLinkIn, verificationCodeIn, waitForMail } from './support/mailbox.ts';
import { createMemberInGoodStanding, MEMBER_PASSWORD } from './support/members.ts';
import { screenshotAtPhoneAndDesktop } from './support/screenshots.ts';
import { openE2eDatabase } from './support/server.ts';

const PASSWORD = 'tangerine lighthouse gravel orbit';
const NEW_PASSWORD = 'violet harbour compass meadow';

async function register(page: Page, name: string, email: string) {
	await page.goto('/register');
	await page.getByLabel('Full name').fill(name);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your email');
}

test('a member signs up, verifies, signs out and in, resets the password, and old sessions end', async ({
	page,
	request,
	browser
}) => {
	const email = uniqueEmail('amara');
	await register(page, 'Amara Okafor', email);
	await expectNoAxeViolations(page);

	const code = verificationCodeIn(await waitForMail(request, email, 'verification-code'));
	await page.getByLabel('Verification code').fill(code);
	await page.getByRole('button', { name: 'Verify email' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
	await expect(page.getByText(email, { exact: true })).toBeVisible();

	const cookie = (await page.context().cookies()).find((c) => c.name === 'session')!;
	expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });

	await page.getByRole('button', { name: 'Sign out', exact: true }).click();
	await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
	await signIn(page, email, PASSWORD);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');

	// A second device stays signed in until the password is reset.
	const other = await browser.newContext();
	const otherPage = await other.newPage();
	await signIn(otherPage, email, PASSWORD);
	await expect(otherPage.getByRole('heading', { level: 1 })).toHaveText('Your account');

	await page.getByRole('button', { name: 'Sign out', exact: true }).click();
	await page.goto('/forgot-password');
	await page.getByLabel('Email').fill(email);
	await page.getByRole('button', { name: 'Send reset link' }).click();
	await expect(page.getByText(`If ${email} belongs to an account`)).toBeVisible();
	const link = resetLinkIn(await waitForMail(request, email, 'password-reset'));
	await page.goto(link);
	await expectNoAxeViolations(page);
	await page.getByLabel('Password').fill(NEW_PASSWORD);
	await page.getByRole('button', { name: 'Save new password' }).click();
	await expect(page.getByText('Your password has been changed')).toBeVisible();

	await otherPage.goto('/account');
	await expect(otherPage).toHaveURL(/\/login\?redirectTo=%2Faccount/);
	await other.close();

	await page.goto(link);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('You cannot use this link');
	await expect(page.getByText('This link has already been used')).toBeVisible();
});

test('a wrong code and an expired code each get a clear message next to the field', async ({
	page,
	request
}) => {
	const email = uniqueEmail('dan');
	await register(page, 'Daniel Hughes', email);
	const code = verificationCodeIn(await waitForMail(request, email, 'verification-code'));

	await page.getByLabel('Verification code').fill(code === '00000000' ? '11111111' : '00000000');
	await page.getByRole('button', { name: 'Verify email' }).click();
	await expect(page.locator('#code-error')).toContainText('The code is not right');
	await expect(page.getByRole('alert')).toContainText('There is a problem');
	await expectNoAxeViolations(page);

	const { client } = openE2eDatabase();
	await client.execute({
		sql: "update auth_tokens set expires_at = 0 where email = ? and kind = 'email-verification'",
		args: [email]
	});
	client.close();
	await page.getByLabel('Verification code').fill(code);
	await page.getByRole('button', { name: 'Verify email' }).click();
	await expect(page.locator('#code-error')).toContainText('This code has expired');
	await expect(page.getByLabel('Verification code')).toHaveValue(code);
});

test('sign-up explains every problem, keeps what was typed, and never says an address is taken', async ({
	page,
	request
}) => {
	await page.goto('/register');
	await page.getByLabel('Full name').fill('Shazia Begum');
	await page.getByLabel('Email').fill('shazia@example');
	await page.getByLabel('Password').fill('password1');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.locator('#email-error')).toContainText(
		'Enter an email address in the correct format'
	);
	await expect(page.locator('#password-error')).toContainText('harder to guess');
	await expect(page.getByLabel('Full name')).toHaveValue('Shazia Begum');
	await expect(page.getByLabel('Email')).toHaveValue('shazia@example');
	await expectNoAxeViolations(page);
	await screenshotAtPhoneAndDesktop(page, 'register-errors');

	// A member's address and a new one: the visitor sees the same pages, word for word, and the
	// member is told by email instead.
	const known = (await createMemberInGoodStanding('Amara Okafor')).email;
	const fresh = uniqueEmail('newcomer');
	const whatTheVisitorSees = async (email: string) => {
		await register(page, 'Someone Else', email);
		await expect(page.locator('main strong', { hasText: email })).toBeVisible();
		const checkYourEmail = await page.locator('main').innerText();
		await page.getByRole('button', { name: 'Send a new code' }).click();
		await expect(page.getByRole('status')).toHaveText(
			'We have sent a new code. Use the newest one.'
		);
		const afterResend = await page.locator('main').innerText();
		await page.getByLabel('Verification code').fill('12345678');
		await page.getByRole('button', { name: 'Verify email' }).click();
		await expect(page.locator('#code-error')).toBeVisible();
		const afterWrongCode = await page.locator('main').innerText();
		return [checkYourEmail, afterResend, afterWrongCode].map((text) =>
			text.replaceAll(email, 'ADDRESS')
		);
	};
	const forKnown = await whatTheVisitorSees(known);
	await expectNoAxeViolations(page);
	await screenshotAtPhoneAndDesktop(page, 'verify-email-known-address');
	expect(await whatTheVisitorSees(fresh)).toEqual(forKnown);
	expect(forKnown[0]).toContain('We have sent an 8-digit code to ADDRESS.');
	await waitForMail(request, known, 'account-exists');
});

test('a wrong password gets one message for both fields, and the pages pass axe', async ({
	page
}) => {
	await signIn(page, 'nobody-here@example.org', 'not the password');
	await expect(page.locator('#email-error')).toContainText(
		'Enter a correct email address and password'
	);
	await expect(page.getByLabel('Email')).toHaveValue('nobody-here@example.org');
	await expectNoAxeViolations(page);
	await screenshotAtPhoneAndDesktop(page, 'login-error');
	await page.goto('/forgot-password');
	await expectNoAxeViolations(page);
});

test('a sign-in form posted from another site is refused', async ({ request }) => {
	const response = await request.post('/login', {
		headers: { origin: 'http://evil.example' },
		form: { email: 'a@example.org', password: 'x' }
	});
	expect(response.status()).toBe(403);
});

test('a member page sends a stranger to sign in and back again afterwards', async ({ page }) => {
	await page.goto('/account');
	await expect(page).toHaveURL('/login?redirectTo=%2Faccount');
	const member = await createMemberInGoodStanding('Daniel Hughes');
	await page.getByLabel('Email').fill(member.email);
	await page.getByLabel('Password').fill(MEMBER_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL('/account');
});
