// The welfare queue and the staff desk on the demo data: every flag shows on the queue with a
// filter for it, the decision page says why and steps through the queue, the staff desk shows
// past events with who came; each page passes axe at phone and desktop width.
import { expect, test } from '@playwright/test';
import { expectAccessibleAtBothWidths } from './support/layout.ts';
import { screenshotAtPhoneAndDesktop } from './support/screenshots.ts';
import { port } from './support/server.ts';
import { sessionFor } from './support/sessions.ts';
import { createAccount } from './support/staff.ts';

test.describe.configure({ timeout: 120_000 });

test('a welfare officer sees what needs a look, filters by it and steps through the queue', async ({
	page,
	context
}) => {
	const officer = await createAccount({
		name: 'Wendy Welfare',
		roles: ['welfare', 'admin'],
		twoFactor: true
	});
	await context.addCookies([
		{ name: 'session', value: await sessionFor(officer.email), url: `http://localhost:${port}` }
	]);

	await page.goto('/organiser/grants');
	const row = (reference: string) => page.getByRole('row', { name: new RegExp(`^${reference}`) });
	await expect(row('WFG-DEMO01')).toContainText('Income over the limit');
	await expect(row('WFG-DEMO02')).toContainText('Savings over the limit');
	await expect(row('WFG-DEMO03')).toContainText('Member under 4 weeks');
	await expect(row('WFG-DEMO04')).toContainText('No evidence');
	await expect(row('WFG-DEMO05')).toContainText('Same household as WFG-DEMO06');
	await expect(row('WFG-DEMO07')).toContainText('Grant in cool-down');
	await expectAccessibleAtBothWidths(page);
	await screenshotAtPhoneAndDesktop(page, 'welfare-queue');

	await page
		.getByRole('navigation', { name: 'Filter by what needs a look' })
		.getByRole('link', { name: /Savings over the limit/ })
		.click();
	await expect(page.getByRole('row')).toHaveCount(3);
	await page.getByRole('link', { name: 'WFG-DEMO02' }).click();
	await expect(page.getByRole('heading', { name: 'Needs a look' })).toBeVisible();
	await expect(page.locator('.reasons')).toContainText(
		'The member said the household’s savings are not under the round’s limit of £1,500.'
	);
	await expectAccessibleAtBothWidths(page);
	await screenshotAtPhoneAndDesktop(page, 'welfare-decision');
	await page.getByRole('link', { name: 'Next application' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('WFG-DEMO08');
	await expect(page.getByRole('link', { name: 'Next application' })).toHaveCount(0);

	await page.goto('/organiser/grants?flag=household');
	await page.getByRole('link', { name: 'WFG-DEMO06' }).first().click();
	await expect(page.locator('.reasons')).toContainText('gives the same address');
	await page.getByRole('link', { name: 'See WFG-DEMO05' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('WFG-DEMO05');

	await page.goto('/organiser');
	await expect(page.getByRole('heading', { name: 'Past events' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Who came, by kind of event' })).toContainText(
		'Training course'
	);
	await expectAccessibleAtBothWidths(page);
	await screenshotAtPhoneAndDesktop(page, 'staff-desk-past-events');
	for (const path of ['/admin/users', '/admin/members']) {
		await page.goto(path);
		await expectAccessibleAtBothWidths(page);
	}
});
