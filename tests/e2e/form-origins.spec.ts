// The demo opened at another of its addresses (127.0.0.1, the machine's LAN address, as a branch
// laptop on the office network is) takes its forms; a form another website sends is refused with
// the branch's own error page, a 403 and a plain reason.
import { expect, test } from '@playwright/test';
import { networkInterfaces } from 'node:os';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { createMemberInGoodStanding, MEMBER_PASSWORD } from './support/members.ts';
import { PHONE, screenshotAtPhoneAndDesktop } from './support/screenshots.ts';
import { port } from './support/server.ts';

const lanAddress = Object.values(networkInterfaces())
	.flat()
	.find((address) => address && address.family === 'IPv4' && !address.internal)?.address;

for (const host of ['127.0.0.1', lanAddress].filter(Boolean)) {
	test(`a member signs in to the demo opened at http://${host}:PORT`, async ({ page }) => {
		const member = await createMemberInGoodStanding('Ola Bankole');
		const desk = `http://${host}:${port}`;
		await page.goto(`${desk}/login`);
		await page.getByLabel('Email').fill(member.email);
		await page.getByLabel('Password').fill(MEMBER_PASSWORD);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page).toHaveURL(`${desk}/account`);
		await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
	});
}

test('a form another website sends is refused with the branch’s own page', async ({ page }) => {
	const target = `http://127.0.0.1:${port}/login`;
	await page.route('http://evil.example/**', (route) =>
		route.fulfill({
			contentType: 'text/html',
			body: `<!doctype html><title>Prize</title><form method="post" action="${target}">
				<input name="email" value="victim@example.org"><input name="password" value="guess">
				<button>Claim your prize</button></form>`
		})
	);
	await page.goto('http://evil.example/');
	const [refused] = await Promise.all([
		page.waitForResponse(target),
		page.getByRole('button', { name: 'Claim your prize' }).click()
	]);
	expect(refused.status()).toBe(403);
	expect(refused.headers()['content-type']).toContain('text/html');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('There is a problem');
	await expect(
		page.getByText('This form was sent from another website, so nothing was saved.')
	).toBeVisible();
	// The branch's layout around it: its header and a way back into the desk.
	await expect(page.getByRole('link', { name: 'Go to the home page' })).toBeVisible();
	await expect(page.getByRole('banner')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.setViewportSize(PHONE);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
		PHONE.width
	);
	await screenshotAtPhoneAndDesktop(page, 'cross-site-form-refused');
});
