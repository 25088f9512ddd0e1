// A page checked at phone and desktop width: axe finds nothing, and nothing scrolls sideways.
import { expect, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './accessibility.ts';
import { DESKTOP, PHONE } from './screenshots.ts';

export async function expectAccessibleAtBothWidths(page: Page) {
	for (const size of [PHONE, DESKTOP]) {
		await page.setViewportSize(size);
		await expectNoAxeViolations(page);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, `sideways scroll at ${size.width} px`).toBeLessThanOrEqual(0);
	}
}
