import { expect, type Page } from '@playwright/test';

export const PHONE = { width: 320, height: 720 };
export const DESKTOP = { width: 1280, height: 900 };

/** Full-page screenshots at phone and desktop width, kept in test-results/screenshots. */
export async function screenshotAtPhoneAndDesktop(page: Page, name: string) {
	for (const [label, size] of [
		['phone', PHONE],
		['desktop', DESKTOP]
	] as const) {
		await page.setViewportSize(size);
		await page.screenshot({
			path: `test-results/screenshots/${name}-${label}.png`,
			fullPage: true
		});
	}
}

/** Screenshots at both widths, and nothing scrolls sideways on a 320px phone. */
export async function screenshotAndFitPhone(page: Page, name: string) {
	await screenshotAtPhoneAndDesktop(page, name);
	await page.setViewportSize(PHONE);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
		PHONE.width
	);
}
