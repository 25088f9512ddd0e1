import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { PHONE, screenshotAtPhoneAndDesktop } from './support/screenshots.ts';
import { sessionFor } from './support/sessions.ts';
import { createAccount } from './support/staff.ts';

test('a welfare officer’s staff desk shows the grant round, its queue and its budget', async ({
	context,
	page,
	baseURL
}) => {
	const welfare = await createAccount({
		name: 'Wanjiru Kamau',
		roles: ['welfare'],
		twoFactor: true
	});
	const token = await sessionFor(welfare.email);
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

test('an organiser’s staff desk reads on a phone and charts waiting-list demand month by month', async ({
	context,
	page,
	baseURL
}) => {
	const admin = await createAccount({ name: 'Grace Mensah', roles: ['admin'], twoFactor: true });
	const token = await sessionFor(admin.email);
	await context.addCookies([{ name: 'session', value: token, url: baseURL! }]);
	await page.setViewportSize(PHONE);
	await page.goto('/organiser');
	await expect(page.getByRole('heading', { name: 'Your events' })).toBeVisible();
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
		PHONE.width
	);
	// Every figure of an event is on screen at phone width, none scrolled out of sight.
	const events = page.getByRole('region', { name: 'Your upcoming events' });
	for (const label of ['Booked', 'Full', 'Waiting', 'Here']) {
		const cell = events.locator(`td[data-label="${label}"]`).first();
		await expect(cell).toBeInViewport();
	}
	expect(await events.evaluate((region) => region.scrollWidth <= region.clientWidth)).toBe(true);

	// The full demo course has a waiting list that joined this month.
	const chart = page.getByRole('img', { name: /^Training courses/ });
	await expect(chart).toHaveAccessibleName(/Training courses \d+ (person|people) waited/);
	const figures = page.getByRole('region', { name: 'Waiting-list demand by month' });
	await expect(figures.getByRole('row')).toHaveCount(15);
	const thisMonth = figures.getByRole('row').nth(12);
	await expect(thisMonth.getByRole('cell').nth(3)).not.toHaveText('0');
	await expectNoAxeViolations(page);
	await screenshotAtPhoneAndDesktop(page, 'staff-desk-organiser');
	await expectNoAxeViolations(page);
});
