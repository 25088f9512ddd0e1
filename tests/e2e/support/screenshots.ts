import { expect, type Page } from '@playwright/test';

export const PHONE = { width: 320, height: 720 };
export const DESKTOP = { width: 1280, height: 900 };

/**
 * Screenshots are for people to look at, not assertions, and encoding full pages is the
 * browser's heaviest work in a run: they are kept only when asked for, with SCREENSHOTS=1.
 */
export const KEEP_SCREENSHOTS = process.env.SCREENSHOTS === '1';

/** A full-page screenshot at `path` under test-results, when screenshots are asked for. */
export async function keepScreenshot(page: Page, path: string, fullPage = true) {
	if (KEEP_SCREENSHOTS) await page.screenshot({ path: `test-results/${path}`, fullPage });
}

/** Full-page screenshots at phone and desktop width, kept in test-results/screenshots. */
export async function screenshotAtPhoneAndDesktop(page: Page, name: string) {
	if (!KEEP_SCREENSHOTS) return page.setViewportSize(DESKTOP);
	for (const [label, size] of [
		['phone', PHONE],
		['desktop', DESKTOP]
	] as const) {
		await page.setViewportSize(size);
		await keepScreenshot(page, `screenshots/${name}-${label}.png`);
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
