// axe-core run in the page itself, WCAG 2.2 AA and below. Its source goes into a page once (it
// stays until the page navigates) and only violations come back: a quarter of the time
// @axe-core/playwright takes, which sends the 550 KB source twice a call and finishes every run
// in a new blank page.
import { expect, type Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8'
);

const RUN_OPTIONS: RunOptions = {
	runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'],
	resultTypes: ['violations'],
	// The app's only frames are sandboxed email previews, which no script may enter; the frame
	// elements themselves are still checked (a title each).
	iframes: false
};

type WithAxe = { axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> } };

/** Fails with the list of rules broken and where. */
export async function expectNoAxeViolations(page: Page) {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
	const summary = await page.evaluate(async (options) => {
		const { violations } = await (window as unknown as WithAxe).axe.run(document, options);
		return violations.map(
			(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
		);
	}, RUN_OPTIONS);
	expect(summary).toEqual([]);
}
