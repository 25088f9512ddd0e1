// The grant pages when the demo's round has given out its budget, and when no round is open.
// Both change the one round every other spec applies to, so this file runs in its own project
// after all of them (playwright.config.ts), and puts the round back as it found it. To run it
// alone: npx playwright test tests/e2e/grant-round-states.spec.ts --no-deps
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { screenshotAtPhoneAndDesktop } from './support/screenshots.ts';
import { openE2eDatabase } from './support/server.ts';

async function run(sql: string, args: (number | string | null)[]) {
	const { client } = openE2eDatabase();
	try {
		return await client.execute({ sql, args });
	} finally {
		client.close();
	}
}

/**
 * The public page as the database now has it: anonymous pages are cached for a moment by the
 * server and for 30 seconds by the browser, so each look asks for a URL neither has seen.
 */
async function publicPageSays(page: Page, text: string | RegExp) {
	await expect(async () => {
		await page.goto(`/grants/winter-fuel?at=${Date.now()}`);
		await expect(page.getByText(text).first()).toBeVisible({ timeout: 500 });
	}).toPass({ timeout: 10_000 });
}

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

test('the grant page says plainly when the budget is spent and when no round is open', async ({
	page
}) => {
	const current = await run(
		'select id, budget_pence, closes_at from grant_rounds where opens_at <= ?1 and closes_at > ?1 order by opens_at desc limit 1',
		[Date.now()]
	);
	const round = current.rows[0];
	expect(round).toBeDefined();
	const id = Number(round.id);
	try {
		await run(
			`update grant_rounds set budget_pence = (select coalesce(sum(award_pence), 0)
				from grant_applications where round_id = ?1 and status in ('approved', 'paid'))
			where id = ?1`,
			[id]
		);
		await publicPageSays(page, /has awarded its whole budget and is not taking new applications/);
		await expect(mainNav(page).getByRole('link', { name: 'Winter fuel grant' })).toHaveCount(0);
		await expect(
			page.getByRole('contentinfo').getByRole('link', { name: /Winter fuel grant/ })
		).toBeVisible();
		await expectNoAxeViolations(page);
		await screenshotAtPhoneAndDesktop(page, 'grant-public-budget-spent');

		await run('update grant_rounds set closes_at = ? where id = ?', [Date.now() - 1000, id]);
		await publicPageSays(page, 'No grant round is open at the moment.');
		await expect(mainNav(page).getByRole('link', { name: 'Winter fuel grant' })).toHaveCount(0);
		await expectNoAxeViolations(page);
		await screenshotAtPhoneAndDesktop(page, 'grant-public-no-round');
	} finally {
		await run('update grant_rounds set budget_pence = ?, closes_at = ? where id = ?', [
			Number(round.budget_pence),
			Number(round.closes_at),
			id
		]);
	}
	await publicPageSays(page, /is open/);
	await expect(mainNav(page).getByRole('link', { name: 'Winter fuel grant' })).toBeVisible();
});
