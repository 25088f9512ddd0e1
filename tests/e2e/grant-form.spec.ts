// The winter fuel grant form's finer points, as a member meets them: errors announced with a
// hidden "Error:" and linked to their own fields, focus on the error summary for keyboard users,
// a live character count, Back from a "Change" page returning to Check your answers, a file
// refused when it is already there, and the reason the upload control goes at three files.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { answerUpToEvidence, sendApplication } from './support/grant-application.ts';
import { focused, screenshotsWithoutSidewaysScroll, tabTo } from './support/member-journey.ts';
import { createMemberInGoodStanding } from './support/members.ts';
import { port } from './support/server.ts';
import { sessionFor } from './support/sessions.ts';

test.describe.configure({ timeout: 90_000 });

const APPLY = '/grants/winter-fuel/apply';
const PDF = (words: string) => Buffer.from(`%PDF-1.7\n% ${words}\n%%EOF\n`);

/** A member of the test's own, part-way through an application, in a browser of their own. */
async function memberAtEvidence(browser: import('@playwright/test').Browser, name: string) {
	const member = await createMemberInGoodStanding(name);
	const token = await sessionFor(member.email);
	const context = await browser.newContext();
	await context.addCookies([{ name: 'session', value: token, url: `http://localhost:${port}` }]);
	return { member, token, context, page: await context.newPage() };
}

async function upload(page: Page, name: string, buffer: Buffer) {
	await page
		.getByLabel('Upload a file')
		.setInputFiles({ name, mimeType: 'application/pdf', buffer });
	await page.getByRole('button', { name: 'Upload file' }).click();
}

test('by keyboard alone, a member lands on the error summary, and each error is announced and linked to its field', async ({
	browser,
	request
}) => {
	const { token, page } = await memberAtEvidence(browser, 'Kemi Keyboard');
	await answerUpToEvidence(request, token);
	await page.goto(`${APPLY}/payment`);
	await page.waitForLoadState('networkidle');

	// Nothing chosen: Save and continue by keyboard puts focus on the error summary.
	await tabTo(page, 'Save and continue');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('alert')).toContainText('Select how you would like to be paid');
	await expect.poll(async () => (await focused(page)).text).toMatch(/^There is a problem/);
	await expect(page.locator('#payoutMethod-error')).toHaveText(
		/^\s*Error:\s+Select how you would like to be paid\s*$/
	);
	await expect(page.locator('#payoutMethod-error .visually-hidden')).toHaveText('Error:');
	const summaryLink = page.getByRole('alert').getByRole('link');
	await expect(summaryLink).toHaveAttribute('href', '#payoutMethod');
	await expect(
		page.getByRole('group', { name: 'Where should we send the grant?' })
	).toHaveAttribute('aria-describedby', 'payoutMethod-error');
	// Following the summary's link by keyboard reaches the first choice of the question.
	await page.keyboard.press('Tab');
	expect((await focused(page)).text).toBe('Select how you would like to be paid');
	await page.keyboard.press('Enter');
	await expect(page.locator('#payoutMethod')).toBeFocused();
	await expectNoAxeViolations(page);
	await screenshotsWithoutSidewaysScroll(page, 'grant-payment-error');

	// The circumstances error has the same hidden prefix and its own id.
	await page.goto(`${APPLY}/circumstances`);
	await page.getByLabel('Your circumstances').fill('   ');
	await page.getByRole('button', { name: 'Save and continue' }).click();
	await expect(page.locator('#circumstances-error')).toHaveText(
		/^\s*Error:\s+Tell us briefly why you need help/
	);
	await expect(page.getByRole('alert').getByRole('link')).toHaveAttribute('href', '#circumstances');
	await expect(page.getByLabel('Your circumstances')).toHaveAttribute(
		'aria-describedby',
		'circumstances-hint circumstances-info circumstances-error'
	);
	await expectNoAxeViolations(page);
});

test('the 2,000-character answer counts as the member types, and says the limit without scripts', async ({
	browser,
	request
}) => {
	const { token, page, context } = await memberAtEvidence(browser, 'Cora Count');
	await answerUpToEvidence(request, token, { circumstances: 'My hours were cut.' });
	await page.goto(`${APPLY}/circumstances`);
	await page.waitForLoadState('networkidle');
	const answer = page.getByLabel('Your circumstances');
	await expect(answer).toHaveValue('My hours were cut.');
	await expect(page.getByText('You have 1,982 characters remaining')).toBeVisible();
	await answer.fill('a'.repeat(1999));
	await expect(page.getByText('You have 1 character remaining')).toBeVisible();
	// A screen reader hears the count once typing pauses, from a polite live region.
	const live = page.locator('[aria-live="polite"]', { hasText: 'remaining' });
	await expect(live).toHaveText('You have 1 character remaining');
	await answer.fill('a'.repeat(2005));
	await expect(page.getByText('You have 5 characters too many')).toBeVisible();
	await expect(answer).toHaveAttribute('aria-invalid', 'true');
	await expectNoAxeViolations(page);
	await screenshotsWithoutSidewaysScroll(page, 'grant-circumstances-count');
	await page.getByRole('button', { name: 'Save and continue' }).click();
	await expect(page.getByRole('alert')).toContainText('Keep it to 2,000 characters or fewer');
	await expect(answer).toHaveValue('a'.repeat(2005));

	// Without scripts the hint under the box says the limit instead.
	const plain = await browser.newContext({ javaScriptEnabled: false });
	await plain.addCookies(await context.cookies());
	const plainPage = await plain.newPage();
	await plainPage.goto(`${APPLY}/circumstances`);
	await expect(plainPage.getByText('You can enter up to 2,000 characters')).toBeVisible();
	await expect(plainPage.getByText(/characters remaining/)).toHaveCount(0);
	await plain.close();
});

test('Back on a page reached by Change returns to Check your answers', async ({
	browser,
	request
}) => {
	const { token, page } = await memberAtEvidence(browser, 'Bea Back');
	await answerUpToEvidence(request, token);
	await page.goto(`${APPLY}/payment`);
	await page.getByLabel('As a credit to my energy account or prepayment meter').check();
	await page.getByLabel('Energy account number, or prepayment key or card number').fill('A-1234');
	await page.getByRole('button', { name: 'Save and continue' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers');

	await page.getByRole('link', { name: 'Change circumstances' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your circumstances');
	await expect(page.getByRole('link', { name: 'Back' })).toHaveAttribute('href', `${APPLY}/check`);
	await page.getByRole('link', { name: 'Back' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers');

	// Reached in order, Back still goes to the question before.
	await page.goto(`${APPLY}/circumstances`);
	await expect(page.getByRole('link', { name: 'Back' })).toHaveAttribute(
		'href',
		`${APPLY}/previous-awards`
	);
	// And the application still goes through as before.
	expect(await sendApplication(request, token)).toMatch(/^WFG-/);
});

test('the same file twice is refused by the field, and at three files the page says why the upload has gone', async ({
	browser,
	request
}) => {
	const { token, page } = await memberAtEvidence(browser, 'Fola Files');
	await answerUpToEvidence(request, token);
	await page.goto(`${APPLY}/evidence`);
	await page.waitForLoadState('networkidle');
	await upload(page, 'payslip.pdf', PDF('October payslip'));
	await expect(page.getByRole('status')).toContainText('payslip.pdf has been uploaded');

	await upload(page, 'payslip again.pdf', PDF('October payslip'));
	const message = 'You have already uploaded this file, as payslip.pdf. Choose a different file.';
	await expect(page.locator('#evidence-error')).toContainText(message);
	await expect(page.getByRole('alert').getByRole('link')).toHaveAttribute('href', '#evidence');
	await expect(page.getByRole('link', { name: /\.pdf$/ })).toHaveCount(1);
	await expectNoAxeViolations(page);

	await upload(page, 'letter.pdf', PDF('Universal Credit letter'));
	await expect(page.getByRole('status')).toContainText('letter.pdf has been uploaded');
	await upload(page, 'bill.pdf', PDF('Energy bill'));
	await expect(page.getByRole('status')).toContainText('bill.pdf has been uploaded');
	await expect(page.getByLabel('Upload a file')).toHaveCount(0);
	await expect(
		page.getByText('You have added 3 files, the most allowed. Remove one to add another.')
	).toBeVisible();
	await expectNoAxeViolations(page);
	await screenshotsWithoutSidewaysScroll(page, 'grant-evidence-full');

	await page.getByRole('button', { name: 'Remove letter.pdf' }).click();
	await expect(page.getByLabel('Upload a file')).toBeVisible();
	await expect(page.getByText('the most allowed')).toHaveCount(0);
});

test('beside Subs paid up to, the account page says in words how long good standing lasts', async ({
	browser
}) => {
	const { page } = await memberAtEvidence(browser, 'Gita Grace');
	await page.goto('/account');
	const grace = (await page.locator('#subs-grace').innerText()).replace(/\s+/g, ' ').trim();
	expect(grace).toMatch(
		/^You stay in good standing until \d{1,2} \w+ \d{4}, 4 weeks after this date, so a payment a little late does not stop you booking\.$/
	);
});
