import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility.ts';
import {
	signedIn,
	heading,
	saveAndContinue,
	welfareOfficerAt,
	memberStartsApplying,
	answerYesOrNo
} from './support/grant-journeys.ts';
import { waitForMail } from './support/mailbox.ts';
import { createMemberInGoodStanding } from './support/members.ts';
import { screenshotAtPhoneAndDesktop } from './support/screenshots.ts';

// Several argon2 sign-ins, uploads, axe runs and screenshots: more than the default on two cores.
test.describe.configure({ timeout: 90_000 });

test('anyone can check whether they are likely to be eligible without signing in', async ({
	page
}) => {
	await page.goto('/');
	await expect(
		page.getByRole('heading', { name: /Winter Fuel Grant 2026\/27 is open/ })
	).toBeVisible();
	await page.getByRole('link', { name: 'Winter fuel grant' }).first().click();
	await expect(heading(page)).toHaveText('Winter fuel grant');
	await expect(page.getByText(/The Winter Fuel Grant 2026\/27 is open/)).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByRole('button', { name: 'Check eligibility' }).click();
	await expect(page.getByRole('alert')).toContainText('There is a problem');

	const answer = async (question: RegExp, value: 'Yes' | 'No') =>
		page.getByRole('group', { name: question }).getByLabel(value).check();
	await answer(/member of the branch for at least 4 weeks/, 'Yes');
	await answer(/subs paid up/, 'Yes');
	await answer(/gas or electricity bills/, 'Yes');
	await answer(/income, after tax/, 'No');
	await answer(/means-tested benefit/, 'Yes');
	await answer(/savings under/, 'Yes');
	await answer(/winter fuel grant from the branch/, 'No');
	await answer(/already applied this winter/, 'No');
	await page.getByRole('button', { name: 'Check eligibility' }).click();
	await expect(
		page.getByRole('heading', { name: 'You are likely to be eligible', exact: true })
	).toBeVisible();
	await expectNoAxeViolations(page);

	await answer(/savings under/, 'No');
	await page.getByRole('button', { name: 'Check eligibility' }).click();
	await expect(
		page.getByRole('heading', { name: 'You are unlikely to be eligible', exact: true })
	).toBeVisible();
	await expect(page.getByText('Your household’s savings need to be under £1,500.')).toBeVisible();
	await screenshotAtPhoneAndDesktop(page, 'grant-checker');
});

test('a member applies over several visits, a welfare officer asks a question, approves and pays', async ({
	browser,
	request
}) => {
	const { member, page } = await memberStartsApplying(browser, 'Amina Yusuf');

	// Household: the error summary first, then the answers.
	await saveAndContinue(page);
	await expect(page.getByRole('alert')).toContainText('Enter the first line of your address');
	await page.getByLabel('Address line 1').fill('12 Acacia Road');
	await page.getByLabel('Town or city').fill('Birmingham');
	await page.getByLabel('Postcode').fill('b15 2tt');
	await page.getByLabel('Adults in your home, including you').fill('2');
	await page.getByLabel('Children under 18 in your home').fill('two');
	await saveAndContinue(page);
	await expect(page.getByText('Enter the number of children, from 0 to 20').first()).toBeVisible();
	await expect(page.getByLabel('Address line 1')).toHaveValue('12 Acacia Road');
	await expectNoAxeViolations(page);
	await screenshotAtPhoneAndDesktop(page, 'grant-apply-household-error');
	await page.getByLabel('Children under 18 in your home').fill('1');
	await saveAndContinue(page);

	await answerYesOrNo(page, 'Do you pay your household’s fuel bills?', 'Yes');
	await expect(heading(page)).toHaveText('Your energy supplier');
	await page.getByLabel('Energy supplier').fill('Octopus Energy');
	await page.getByLabel('Prepayment meter (top-up key or card)').check();
	await expectNoAxeViolations(page);
	await saveAndContinue(page);
	await expect(heading(page)).toHaveText('Your household’s income');

	// Stop, and come back later to the same draft.
	await page.getByRole('link', { name: 'Stop for now: your answers are saved' }).click();
	await expect(heading(page)).toHaveText('Your grant applications');
	await expect(page.getByText('Draft — not sent yet')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.goto('/grants/winter-fuel');
	await page.getByRole('button', { name: 'Continue your application' }).click();
	await expect(heading(page)).toHaveText('Your household’s income');
	await expectNoAxeViolations(page);
	await page.getByLabel('Means-tested benefit').selectOption('Universal Credit');
	await saveAndContinue(page);
	await answerYesOrNo(page, /savings under £1,500/, 'Yes');
	await answerYesOrNo(page, 'Have you had a winter fuel grant from the branch before?', 'No');
	await expectNoAxeViolations(page);
	await page.getByLabel('Your circumstances').fill('My hours were cut in October.');
	await saveAndContinue(page);

	// Evidence: a renamed program and an oversize file are refused with clear messages.
	await expect(heading(page)).toHaveText('Upload evidence');
	await expectNoAxeViolations(page);
	const upload = async (name: string, buffer: Buffer, mimeType: string) => {
		await page.getByLabel('Upload a file').setInputFiles({ name, mimeType, buffer });
		await page.getByRole('button', { name: 'Upload file' }).click();
	};
	await upload('payslip.pdf', Buffer.from('MZ\x90\x00\x03\x00\x00\x00 program'), 'application/pdf');
	await expect(page.getByRole('alert')).toContainText('The file must be a PDF, JPEG or PNG');
	const big = Buffer.alloc(6 * 1024 * 1024, 0x20);
	big.write('%PDF-1.7\n');
	await upload('scan.pdf', big, 'application/pdf');
	await expect(page.getByRole('alert')).toContainText('The file must be 5 MB or smaller');
	await upload('payslip.pdf', Buffer.from('%PDF-1.7\n% payslip\n%%EOF\n'), 'application/pdf');
	await expect(page.getByRole('status')).toContainText('payslip.pdf has been uploaded');
	const evidenceHref = await page.getByRole('link', { name: 'payslip.pdf' }).getAttribute('href');
	await screenshotAtPhoneAndDesktop(page, 'grant-apply-evidence');
	await saveAndContinue(page);

	await expect(heading(page)).toHaveText('How you would like to be paid');
	await page.getByLabel('To my bank account').check();
	await page.getByLabel('Name on the account').fill('Amina Yusuf');
	await page.getByLabel('Sort code').fill('30-99-50');
	await page.getByLabel('Account number').fill('1234');
	await saveAndContinue(page);
	await expect(page.getByRole('alert')).toContainText('Enter a valid account number');
	await page.getByLabel('Account number').fill('00733445');
	await expectNoAxeViolations(page);
	await saveAndContinue(page);

	await expect(heading(page)).toHaveText('Check your answers');
	await expect(page.getByText('Sort code 30-99-50, account ****3445')).toBeVisible();
	await expectNoAxeViolations(page);
	await screenshotAtPhoneAndDesktop(page, 'grant-apply-check');
	await page.getByRole('button', { name: 'Submit application' }).click();
	await expect(page.getByRole('alert')).toContainText('Confirm that the answers are true');
	await page.getByLabel(/I confirm that my answers are true/).check();
	await page.getByRole('button', { name: 'Submit application' }).click();
	await expect(heading(page)).toHaveText('Application sent');
	const reference = (await page.locator('.reference').innerText()).trim();
	expect(reference).toMatch(/^WFG-/);
	await expectNoAxeViolations(page);
	await screenshotAtPhoneAndDesktop(page, 'grant-application-sent');
	const received = await waitForMail(request, member.email, 'grant-received', {
		application: reference
	});
	expect(received.subject).toContain(reference);

	// The owner can download the evidence; another member gets 404 for it and the application.
	const download = await page.request.get(evidenceHref!);
	expect(download.status()).toBe(200);
	expect(download.headers()['content-disposition']).toMatch(/^attachment/);
	expect(download.headers()['x-content-type-options']).toBe('nosniff');
	const stranger = await createMemberInGoodStanding('Tomasz Nowak');
	const strangerPage = await signedIn(browser, stranger.email, '/account');
	expect((await strangerPage.request.get(`/account/grants/${reference}`)).status()).toBe(404);
	expect((await strangerPage.request.get(evidenceHref!)).status()).toBe(404);

	// The welfare officer asks for more information.
	const staff = await welfareOfficerAt(browser, '/organiser/grants');
	await expect(heading(staff)).toHaveText('Grant applications');
	await expect(staff.getByRole('row', { name: new RegExp(`^${reference}`) })).toContainText(
		'First time'
	);
	await expectNoAxeViolations(staff);
	await screenshotAtPhoneAndDesktop(staff, 'grant-review-queue');
	await staff.getByRole('link', { name: reference }).first().click();
	await expect(heading(staff)).toHaveText(`${reference}: Amina Yusuf`);
	await expect(staff.getByText('Prepayment meter').first()).toBeVisible();
	await expectNoAxeViolations(staff);
	await staff
		.getByLabel('What do you need from the member?')
		.fill('Please tell us your supplier account number.');
	await staff.getByRole('button', { name: 'Send request' }).click();
	await expect(staff.getByRole('status')).toContainText('Your question has been sent');
	await waitForMail(request, member.email, 'grant-needs-info', {
		application: reference
	});

	// The member answers.
	await page.goto(`/account/grants/${reference}`);
	await expect(page.getByRole('blockquote')).toHaveText(
		'Please tell us your supplier account number.'
	);
	await expectNoAxeViolations(page);
	await page.getByLabel('Your answer').fill('It is A-123456.');
	await page.getByRole('button', { name: 'Send your answer' }).click();
	await expect(heading(page)).toHaveText('Application sent');

	// The officer approves the standard award, then marks it paid.
	await staff.reload();
	await expect(staff.getByLabel('Award in pounds')).toHaveValue('100');
	await staff.getByRole('button', { name: 'Approve grant' }).click();
	await expect(staff.getByRole('status')).toContainText('Approved');
	await expectNoAxeViolations(staff);
	await staff.getByRole('button', { name: 'Show bank details' }).click();
	await expect(staff.getByText('00733445')).toBeVisible();
	await staff.getByLabel('Payment reference').fill('BACS-2026-0042');
	await staff.getByRole('button', { name: 'Mark as paid' }).click();
	await expect(staff.getByRole('status')).toContainText('Marked as paid');
	await expectNoAxeViolations(staff);
	await screenshotAtPhoneAndDesktop(staff, 'grant-review-paid');

	const approved = await waitForMail(request, member.email, 'grant-approved', {
		application: reference
	});
	expect(approved.text).toContain('£100');
	const paid = await waitForMail(request, member.email, 'grant-paid', {
		application: reference
	});
	expect(paid.text).toContain('BACS-2026-0042');
	await page.goto(`/account/grants/${reference}`);
	await expect(page.getByText(/Your grant of £100 was paid/)).toBeVisible();
});
