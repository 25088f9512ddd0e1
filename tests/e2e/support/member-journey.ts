// Helpers for the member-journey stories: a signed-in member of their own, keyboard steps, and
// the checks every member page must pass (no sideways scroll at phone widths).
import { expect, type Browser, type Page } from '@playwright/test';
import { createMemberInGoodStanding, MEMBER_PASSWORD, signIn } from './members.ts';
import { openE2eDatabase } from './server.ts';
import { keepScreenshot } from './screenshots.ts';

export const WIDTHS = [320, 390, 1280] as const;

export async function signedInMember(browser: Browser, name: string) {
	const user = await createMemberInGoodStanding(name);
	const page = await (await browser.newContext()).newPage();
	await signIn(page, user.email, MEMBER_PASSWORD);
	await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
	return { user, page };
}

/** What has keyboard focus, as a screen reader would name it. */
export async function focused(page: Page) {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (!el || el === document.body) return { tag: 'body', text: '' };
		return {
			tag: el.tagName.toLowerCase(),
			text: (el.textContent || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim()
		};
	});
}

/** Presses Tab until the focused control's text starts with `name` (keyboard only, no clicks). */
export async function tabTo(page: Page, name: string | RegExp, most = 60) {
	const seen: string[] = [];
	for (let i = 0; i < most; i++) {
		await page.keyboard.press('Tab');
		const { text } = await focused(page);
		seen.push(text);
		const label = await page.evaluate(() => {
			const el = document.activeElement as HTMLInputElement | null;
			return el?.labels?.[0]?.innerText.trim() ?? '';
		});
		// Visually hidden words run into the visible ones in textContent; spaces are not compared.
		const bare = (value: string) => value.replace(/\s+/g, '');
		const matches = (value: string) =>
			typeof name === 'string' ? bare(value).startsWith(bare(name)) : name.test(value);
		if (matches(text) || matches(label)) return;
	}
	throw new Error(`Tab never reached ${name}; seen: ${seen.join(' | ')}`);
}

/** Each of 320, 390 and 1280 px checked for sideways scrolling, with a screenshot if asked for. */
export async function screenshotsWithoutSidewaysScroll(page: Page, name: string) {
	for (const width of WIDTHS) {
		await page.setViewportSize({ width, height: 900 });
		const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(scrollWidth, `${name} at ${width} px`).toBeLessThanOrEqual(width);
		await keepScreenshot(page, `screenshots/member-${name}-${width}.png`);
	}
	await page.setViewportSize({ width: 1280, height: 900 });
}

/** Two more sessions a week apart, making a test event a 3-session course. */
export async function addSessions(eventId: number, count: number) {
	const { client } = openE2eDatabase();
	const [first] = (
		await client.execute({
			sql: 'select starts_at, ends_at from event_sessions where event_id = ?',
			args: [eventId]
		})
	).rows;
	for (let i = 1; i <= count; i++) {
		const week = i * 7 * 24 * 3_600_000;
		await client.execute({
			sql: 'insert into event_sessions (event_id, starts_at, ends_at) values (?, ?, ?)',
			args: [eventId, Number(first.starts_at) + week, Number(first.ends_at) + week]
		});
	}
	await client.execute({
		sql: 'update events set ends_at = (select max(ends_at) from event_sessions where event_id = ?) where id = ?',
		args: [eventId, eventId]
	});
	client.close();
}

/** A submitted grant application in the open round, as if the member had sent it. */
export async function submittedGrantApplication(userId: number) {
	const { client } = openE2eDatabase();
	const [round] = (await client.execute('select id from grant_rounds order by id desc limit 1'))
		.rows;
	const reference = `WFG-${Date.now().toString(36).toUpperCase().slice(-6)}`;
	const now = Date.now();
	// The application and its history line in one batch, as a real submission writes them.
	await client.batch(
		[
			{
				sql: `insert into grant_applications (reference, round_id, user_id, status, submitted_at, created_at, updated_at)
					values (?, ?, ?, 'submitted', ?, ?, ?)`,
				args: [reference, Number(round.id), userId, now, now, now]
			},
			{
				sql: `insert into grant_application_history (application_id, kind, from_status, to_status, actor_user_id, created_at)
					values (last_insert_rowid(), 'status', 'draft', 'submitted', ?, ?)`,
				args: [userId, now]
			}
		],
		'write'
	);
	client.close();
	return reference;
}
