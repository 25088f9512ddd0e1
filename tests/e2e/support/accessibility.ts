import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Fails with the list of rules broken, WCAG 2.2 AA and below. `exclude` leaves out parts that
 * are not the page's own markup, such as an email preview in a sandboxed frame (axe cannot run
 * inside a frame that forbids scripts, and would wait for it forever).
 */
export async function expectNoAxeViolations(page: Page, options: { exclude?: string[] } = {}) {
	let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']);
	for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
	const results = await builder.analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
	expect(summary).toEqual([]);
}
