// A welfare officer's side of the grant: an application filled in with a member, a member whose
// subs lapse mid-draft, and the next round set up and announced.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility.ts';
import {
	heading,
	saveAndContinue,
	welfareOfficerAt,
	memberStartsApplying,
	answerYesOrNo
} from './support/grant-journeys.ts';
import { waitForMail } from './support/mailbox.ts';
import { createMemberInGoodStanding } from './support/members.ts';
import { screenshotAtPhoneAndDesktop } from './support/screenshots.ts';
import { openE2eDatabase } from './support/server.ts';

// Several argon2 sign-ins, uploads, axe runs and screenshots: more than the default on two cores.
test.describe.configure({ timeout: 90_000 });

test('a welfare officer fills in an application with a member, who is emailed a copy', async ({
	browser,
	request
}) => {
	const member = await createMemberInGoodStanding('Grace Mensah');
	const staff = await welfareOfficerAt(browser, '/organiser/grants/assist');
	await expect(heading(staff)).toHaveText('Apply with a member');
	await expectNoAxeViolations(staff);
	await staff.getByLabel('Membership number or email address').fill('nobody@example.org');
	await staff.getByRole('button', { name: 'Start the application' }).click();
	await expect(staff.getByRole('alert')).toContainText('No member has that membership number');
	await staff.getByLabel('Membership number or email address').fill(member.membershipNumber!);
	await staff.getByRole('button', { name: 'Start the application' }).click();

	await expect(staff.getByText('Assisted application for Grace Mensah')).toBeVisible();
	await expectNoAxeViolations(staff);
	await staff.getByLabel('Address line 1').fill('7 Mill Lane');
	await staff.getByLabel('Town or city').fill('Birmingham');
	await staff.getByLabel('Postcode').fill('B5 5AA');
	await staff.getByLabel('Adults in your home, including you').fill('1');
	await staff.getByLabel('Children under 18 in your home').fill('0');
	await saveAndContinue(staff);
	await answerYesOrNo(staff, 'Do you pay your household’s fuel bills?', 'Yes');
	await expectNoAxeViolations(staff);
	await staff.getByLabel('Energy supplier').fill('British Gas');
	await staff.getByLabel('Direct Debit').check();
	await saveAndContinue(staff);
	await expectNoAxeViolations(staff);
	await staff.getByLabel('Household income each month, after tax, in pounds').fill('1200');
	await saveAndContinue(staff);
	await answerYesOrNo(staff, /savings under/, 'Yes');
	await answerYesOrNo(staff, /winter fuel grant from the branch before/, 'Yes');
	await expectNoAxeViolations(staff);
	await staff.getByLabel('Your circumstances').fill('Boiler repair took my savings.');
	await saveAndContinue(staff);
	await expect(heading(staff)).toHaveText('Upload evidence');
	await expectNoAxeViolations(staff);
	await saveAndContinue(staff);
	await expect(heading(staff)).toHaveText('How you would like to be paid');
	await expectNoAxeViolations(staff);
	await staff.getByLabel('As a credit to my energy account or prepayment meter').check();
	await staff
		.getByLabel('Energy account number, or prepayment key or card number')
		.fill('850012345');
	await saveAndContinue(staff);
	await expect(heading(staff)).toHaveText('Check your answers');
	await expectNoAxeViolations(staff);
	await staff.getByLabel(/Grace Mensah has read these answers/).check();
	await staff.getByRole('button', { name: 'Submit application' }).click();
	await expect(staff.getByRole('status')).toContainText('emailed a copy of their answers');
	await expect(staff.getByText('Assisted application', { exact: true })).toBeVisible();
	await expect(staff.getByText(/, by Orla Brennan$/)).toBeVisible();
	await expect(staff.getByText('No evidence uploaded', { exact: true })).toBeVisible();

	const copy = await waitForMail(request, member.email, 'grant-assisted-copy');
	expect(copy.text).toContain('Circumstances: Boiler repair took my savings.');

	// The officer declines it, and Grace is emailed the reason.
	await staff.getByLabel('Reason').selectOption('Household savings are over the limit');
	await staff.getByRole('button', { name: 'Decline application' }).click();
	await expect(staff.getByRole('status')).toContainText('Declined');
	await expect(staff.getByText('Declined: Household savings are over the limit')).toBeVisible();
	await expectNoAxeViolations(staff);
	await screenshotAtPhoneAndDesktop(staff, 'grant-review-declined');
	const declined = await waitForMail(request, member.email, 'grant-declined');
	expect(declined.text).toContain('Household savings are over the limit');
});

test('a member whose subs lapse mid-draft is told why and cannot go on, then withdraws', async ({
	browser
}) => {
	const { member, page } = await memberStartsApplying(browser, 'Nia Campbell');
	const reference = (await page.locator('.caption .nowrap').innerText()).trim();

	const { client } = openE2eDatabase();
	await client.execute({
		sql: "update members_register set subs_paid_to = '2020-01-31' where membership_number = ?",
		args: [member.membershipNumber!]
	});
	client.close();

	await page.reload();
	await expect(
		page.getByText(/You cannot carry on with this application at the moment/)
	).toContainText('subs paid up to 31 January 2020');
	await expectNoAxeViolations(page);
	await page.getByLabel('Address line 1').fill('9 Canal Street');
	await saveAndContinue(page);
	await expect(page.getByRole('alert')).toContainText('Nothing was saved');
	await expect(page.getByLabel('Address line 1')).toHaveValue('9 Canal Street');
	await expect(heading(page)).toHaveText('Your household');
	await screenshotAtPhoneAndDesktop(page, 'grant-apply-standing-lapsed');

	await page.goto(`/account/grants/${reference}`);
	await page.getByRole('link', { name: 'Withdraw this application' }).click();
	await expect(page.getByText('Are you sure?')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Withdraw application' }).click();
	await expect(page.getByRole('status')).toContainText('You have withdrawn this application');
});

test('a welfare officer sets up the next round, and the public page announces it', async ({
	browser,
	page
}) => {
	// A signed-out visitor has the grant page open before the round exists.
	const year = new Date().getFullYear() + 2;
	const announcement = page.getByText(
		new RegExp(
			`The next round, the Winter Fuel Grant ${year}/${(year + 1) % 100}, opens on .*1 October ${year}`
		)
	);
	await page.goto('/grants/winter-fuel');
	await expect(announcement).toHaveCount(0);

	const staff = await welfareOfficerAt(browser, '/organiser/grants');
	await staff.getByRole('link', { name: 'Set up a grant round' }).click();
	await expect(heading(staff)).toHaveText('Set up a grant round');
	await expectNoAxeViolations(staff);

	await staff.getByLabel('Budget, in pounds').fill('lots');
	await staff.getByRole('button', { name: 'Create round' }).click();
	await expect(staff.getByRole('alert')).toContainText('Enter a name for the round');
	await expect(staff.getByRole('alert')).toContainText(
		'Enter the budget as an amount in pounds, like 1500'
	);
	await expect(staff.getByLabel('Budget, in pounds')).toHaveValue('lots');
	await expectNoAxeViolations(staff);
	await screenshotAtPhoneAndDesktop(staff, 'grant-round-new-error');

	// The demo's round is open today: a round over the same days is refused, naming it.
	const today = new Date().toISOString().slice(0, 10);
	await staff.getByLabel('Name').fill(`Winter Fuel Grant ${year}/${(year + 1) % 100}`);
	await staff.getByLabel('Opens on').fill(today);
	await staff.getByLabel('Last day').fill(`${year}-11-30`);
	await staff.getByLabel('Budget, in pounds').fill('12,000');
	await staff.getByRole('button', { name: 'Create round' }).click();
	await expect(staff.getByRole('alert')).toContainText('overlap the Winter Fuel Grant 2026/27');
	await staff.getByLabel('Opens on').fill(`${year}-10-01`);
	await staff.getByRole('button', { name: 'Create round' }).click();
	await expect(staff.getByRole('status')).toContainText('Round created');
	await expect(heading(staff)).toHaveText(`Winter Fuel Grant ${year}/${(year + 1) % 100}`);
	await expect(staff.getByLabel('Budget, in pounds')).toHaveValue('12000');
	await expectNoAxeViolations(staff);
	await screenshotAtPhoneAndDesktop(staff, 'grant-round-created');

	// Looking again announces it: the server renders anonymous pages afresh after at most
	// CATALOGUE_CACHE_MS, and a reload asks the server rather than the browser's cache.
	await expect(async () => {
		await page.reload();
		await expect(announcement).toBeVisible({ timeout: 500 });
	}).toPass({ timeout: 5_000 });
});
