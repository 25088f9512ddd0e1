import { expect, test } from '@playwright/test';
import { demoStaff } from '../../src/lib/server/demo/seed-demo.ts';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { screenshotAtPhoneAndDesktop } from './support/screenshots.ts';
import { sessionFor } from './support/sessions.ts';

test('a welfare officer’s staff desk shows the grant round, its queue and its budget', async ({
	context,
	page,
	baseURL
}) => {
	const token = await sessionFor(demoStaff[2].email);
	await context.addCookies([{ name: 'session', value: token, url: baseURL! }]);
	await page.goto('/organiser');
	await expect(page.getByRole('heading', { name: 'Winter Fuel Grant 2026/27' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Open the grant queue' })).toHaveAttribute(
		'href',
		'/organiser/grants'
	);
	await expect(page.getByText('£15,000.00').or(page.getByText('£15,000')).first()).toBeVisible();
	await expectNoAxeViolations(page);
	await screenshotAtPhoneAndDesktop(page, 'staff-desk-welfare');
});
