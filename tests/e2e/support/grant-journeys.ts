// The grant journeys' shared steps: a member signing in and starting an application, a welfare
// officer of the test's own, and answering a yes-or-no step.
import { expect, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './accessibility.ts';
import { createMemberInGoodStanding, MEMBER_PASSWORD } from './members.ts';
import { createAccount, signInAsStaff } from './staff.ts';

export async function signedIn(browser: Browser, email: string, target: string) {
	const page = await (await browser.newContext()).newPage();
	await page.goto(`/login?redirectTo=${encodeURIComponent(target)}`);
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(MEMBER_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(new RegExp(`${target}$`));
	return page;
}

export const heading = (page: Page) => page.getByRole('heading', { level: 1 });
export const saveAndContinue = (page: Page) =>
	page.getByRole('button', { name: 'Save and continue' }).click();

/** A welfare officer of the test's own, signed in with two-factor and looking at `target`. */
export async function welfareOfficerAt(browser: Browser, target: string) {
	const officer = await createAccount({
		name: 'Orla Brennan',
		roles: ['welfare'],
		twoFactor: true
	});
	const staff = await (await browser.newContext()).newPage();
	await signInAsStaff(staff, officer, target);
	return staff;
}

/** A new member of the test's own signs in and starts a grant application. */
export async function memberStartsApplying(browser: Browser, name: string) {
	const member = await createMemberInGoodStanding(name);
	const page = await signedIn(browser, member.email, '/grants/winter-fuel');
	await page.getByRole('button', { name: 'Start your application' }).click();
	await expect(heading(page)).toHaveText('Your household');
	return { member, page };
}

/** On the question headed `title` (which passes axe), picks `choice` and saves the step. */
export async function answerYesOrNo(page: Page, title: string | RegExp, choice: 'Yes' | 'No') {
	await expect(heading(page)).toHaveText(title);
	await expectNoAxeViolations(page);
	await page.getByLabel(choice).check();
	await saveAndContinue(page);
}
