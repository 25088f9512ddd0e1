import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility.ts';
import {
	addToMembershipList,
	clearSignInThrottle,
	latestCode,
	MEMBER_PASSWORD,
	registerAndVerify,
	signIn,
	signOut,
	uniqueEmail,
	uniqueMembershipNumber
} from './support/members.ts';
import { screenshotAndFitPhone, screenshotAtPhoneAndDesktop } from './support/screenshots.ts';

const today = new Date().toISOString().slice(0, 10);
const yearsAgo = (n: number) => `${Number(today.slice(0, 4)) - n}${today.slice(4)}`;
const nextYear = yearsAgo(-1);

async function checkMembership(
	page: Page,
	details: { membershipNumber: string; surname: string; postcode: string }
) {
	await page.getByLabel('Membership number').fill(details.membershipNumber);
	await page.getByLabel('Surname').fill(details.surname);
	await page.getByLabel('Postcode').fill(details.postcode);
	await page.getByRole('button', { name: 'Check my membership' }).click();
}

test('a new member registers, confirms their membership and is told they are a verified member', async ({
	page,
	request
}) => {
	const email = uniqueEmail('amara');
	const membershipNumber = uniqueMembershipNumber();
	await addToMembershipList({
		membershipNumber,
		surname: "O'Connor",
		postcode: 'B15 2TT',
		joinedOn: yearsAgo(5),
		subsPaidTo: nextYear
	});
	await registerAndVerify(page, request, { name: "Amara O'Connor", email });

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
	await expect(page.getByText('You have not confirmed your membership yet.')).toBeVisible();
	await expectNoAxeViolations(page);

	await checkMembership(page, { membershipNumber, surname: "O'Connor", postcode: 'B15 2TU' });
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('These details do not match the branch membership list');
	await expect(page.getByLabel('Membership number')).toHaveValue(membershipNumber);
	await expect(page.getByLabel('Postcode')).toHaveValue('B15 2TU');
	await expect(page).toHaveTitle(/^Error: /);
	await expectNoAxeViolations(page);
	await screenshotAndFitPhone(page, 'account-membership-problem');

	await page.setViewportSize({ width: 1280, height: 900 });
	await checkMembership(page, {
		membershipNumber: membershipNumber.toLowerCase(),
		surname: 'o’connor',
		postcode: 'b152tt'
	});
	await expect(page.getByRole('status')).toContainText('your membership is confirmed');
	await expect(page.getByText('You are a verified member in good standing.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Check my membership' })).toHaveCount(0);
	await expectNoAxeViolations(page);
	await screenshotAndFitPhone(page, 'account');
});

test('what a member types before the page has finished loading is kept', async ({
	page,
	request
}) => {
	await registerAndVerify(page, request, { name: 'Wendy Clarke', email: uniqueEmail('wendy') });
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/account', { waitUntil: 'commit' });
	await page.getByLabel('Membership number').fill('B100299');
	await page.getByLabel('Surname').fill('Clarke');
	release();
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel('Membership number')).toHaveValue('B100299');
	await expect(page.getByLabel('Surname')).toHaveValue('Clarke');
});

test('one membership number links to one account only', async ({ page, request, browser }) => {
	const membershipNumber = uniqueMembershipNumber();
	const details = { membershipNumber, surname: 'Begum', postcode: 'B9 4AA' };
	await addToMembershipList({ ...details, joinedOn: yearsAgo(2), subsPaidTo: nextYear });
	await registerAndVerify(page, request, { name: 'Shazia Begum', email: uniqueEmail('shazia') });
	await checkMembership(page, details);
	await expect(page.getByText('You are a verified member in good standing.')).toBeVisible();

	const other = await browser.newPage();
	await registerAndVerify(other, request, { name: 'Someone Else', email: uniqueEmail('else') });
	await checkMembership(other, details);
	await expect(other.getByRole('alert')).toContainText(
		'This membership number is already linked to another account'
	);
	await other.close();
});

test('a member changes their password, and the old one no longer signs them in', async ({
	page,
	request
}) => {
	const email = uniqueEmail('daniel');
	const newPassword = 'lighthouse marmalade quarry tandem';
	await registerAndVerify(page, request, { name: 'Daniel Hughes', email });

	await page.getByLabel('Current password').fill('not my password');
	await page.getByLabel('New password').fill(newPassword);
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByRole('alert')).toContainText('Your current password is not right');
	await expect(page.getByLabel('Current password')).toHaveValue('');

	await page.getByLabel('Current password').fill(MEMBER_PASSWORD);
	await page.getByLabel('New password').fill(newPassword);
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByRole('status')).toContainText('Your password has been changed');
	await signOut(page);

	await signIn(page, email, MEMBER_PASSWORD);
	await expect(page.getByRole('alert')).toContainText('Enter a correct email address and password');
	await clearSignInThrottle();
	await signIn(page, email, newPassword);
	await expect(page).toHaveURL(/\/account$/);
});

test('a member changes their email address by entering a code sent to the new one', async ({
	page,
	request,
	browser
}) => {
	const oldEmail = uniqueEmail('kevin');
	const newEmail = uniqueEmail('kevin-new');
	await registerAndVerify(page, request, { name: 'Kevin Doyle', email: oldEmail });
	const otherDevice = await browser.newContext();
	const otherPage = await otherDevice.newPage();
	await signIn(otherPage, oldEmail, MEMBER_PASSWORD);
	await expect(otherPage).toHaveURL(/\/account$/);

	await page.getByLabel('New email address').fill(newEmail);
	await page.getByLabel('Your password').fill(MEMBER_PASSWORD);
	await page.getByRole('button', { name: 'Change email address' }).click();
	await expect(page).toHaveURL(/\/verify-email/);
	await expect(page.getByText(newEmail)).toBeVisible();
	await page.getByLabel('Verification code').fill(await latestCode(request, newEmail));
	await page.getByRole('button', { name: 'Verify email' }).click();

	await expect(page).toHaveURL(/\/account\?emailChanged=1/);
	await expect(page.getByRole('status')).toContainText(
		`Your email address is now ${newEmail}. You have been signed out everywhere else.`
	);
	await expectNoAxeViolations(page);
	await screenshotAtPhoneAndDesktop(page, 'account-email-changed');
	await otherPage.goto('/account');
	await expect(otherPage).toHaveURL(/\/login\?redirectTo=%2Faccount/);
	await otherDevice.close();
	await signOut(page);
	await signIn(page, newEmail, MEMBER_PASSWORD);
	await expect(page).toHaveURL(/\/account$/);
});

test('a member deletes their account after confirming, and can no longer sign in', async ({
	page,
	request
}) => {
	const email = uniqueEmail('marcus');
	await registerAndVerify(page, request, { name: 'Marcus Campbell', email });
	await page.getByRole('link', { name: 'Delete my account' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Delete your account');
	await expect(page.getByText(email)).toBeVisible();
	await expectNoAxeViolations(page);
	await screenshotAndFitPhone(page, 'account-delete');

	await page.getByRole('button', { name: 'Yes, delete my account' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter your password');
	await page.getByLabel('Your password').fill(MEMBER_PASSWORD);
	await page.getByRole('button', { name: 'Yes, delete my account' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account has been deleted');
	await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
	await expectNoAxeViolations(page);

	await page.goto('/account');
	await expect(page).toHaveURL(/\/login/);
	await signIn(page, email, MEMBER_PASSWORD);
	await expect(page.getByRole('alert')).toContainText('Enter a correct email address and password');
	await clearSignInThrottle();
});

test('the privacy notice says what is held, for how long and who sees it, linked from every page', async ({
	page
}) => {
	await page.goto('/events');
	await page
		.getByRole('contentinfo')
		.getByRole('link', { name: /Privacy notice/ })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy notice');
	await expect(page.getByText('special category data')).toBeVisible();
	await expect(page.getByRole('row', { name: /Access and dietary answers/ })).toContainText(
		'30 days after the event'
	);
	await expectNoAxeViolations(page);
	await screenshotAndFitPhone(page, 'privacy');
});
