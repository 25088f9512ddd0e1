// The CSP allows no inline styles (style-src 'self'): pages of every kind still look as they
// should, in the browser, and the browser reports no violation, on first load and after
// moving between pages without a reload.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { createTestEvent } from './support/events.ts';
import { ORIGIN, postForm } from './support/form-body.ts';
import { createMemberInGoodStanding } from './support/members.ts';
import { sessionFor } from './support/sessions.ts';
import { createAccount } from './support/staff.ts';

/** Records every CSP violation the page reports, and console messages that mention one. */
async function watchViolations(context: BrowserContext) {
	await context.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) => {
			seen.push(`${event.violatedDirective}: ${event.blockedURI || 'inline'} ${event.sample}`);
		});
	});
	const consoleLines: string[] = [];
	context.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) consoleLines.push(message.text());
	});
	return consoleLines;
}

const violationsIn = (page: Page) =>
	page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

async function signedIn(context: BrowserContext, email: string) {
	const token = await sessionFor(email);
	await context.addCookies([{ name: 'session', value: token, url: ORIGIN }]);
}

test('pages render styled with no inline styles allowed, and the browser reports no violation', async ({
	browser,
	request
}) => {
	test.setTimeout(120_000);
	const context = await browser.newContext();
	const consoleLines = await watchViolations(context);
	const page = await context.newPage();
	const visited: string[] = [];
	const visit = async (path: string) => {
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		visited.push(path);
		expect(await violationsIn(page), `${path}: ${consoleLines.join('\n')}`).toEqual([]);
		// The site's style sheet applies: the page uses the system font stack, not the default.
		const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
		expect(font, path).toContain('system-ui');
		const root = page.locator('.app-root');
		expect(await root.evaluate((el) => getComputedStyle(el).display), path).toBe('contents');
	};

	await visit('/events');
	const slug = await page.locator('a[href^="/events/"]').first().getAttribute('href');
	for (const path of ['/', '/login', '/register', '/forgot-password', '/privacy'])
		await visit(path);
	await visit(slug!);

	const member = await createMemberInGoodStanding('CSP Member');
	await signedIn(context, member.email);
	await visit('/account');
	await visit('/account/bookings');
	// Moving between pages without a reload: SvelteKit adds its route announcer then.
	await page.goto('/account');
	await page.getByRole('link', { name: 'Your grant applications' }).click();
	await expect(page).toHaveURL(/\/account\/grants$/);
	await page.waitForTimeout(300);
	expect(await violationsIn(page), 'after a client-side navigation').toEqual([]);
	const announcer = page.locator('#svelte-announcer');
	if (await announcer.count()) {
		const box = await announcer.boundingBox();
		expect(box?.width ?? 0, 'the route announcer stays visually hidden').toBeLessThanOrEqual(1);
	}

	const welfare = await createAccount({ name: 'CSP Welfare', roles: ['welfare'], twoFactor: true });
	await signedIn(context, welfare.email);
	await visit('/organiser/grants');
	const bar = page.locator('svg.bar').first();
	await expect(bar).toBeVisible();
	expect((await bar.boundingBox())!.height).toBeGreaterThan(10);

	// The organiser's preview shows an email, styled by style attributes, in a srcdoc frame.
	const organiser = await createAccount({
		name: 'CSP Organiser',
		roles: ['organiser'],
		twoFactor: true
	});
	const event = await createTestEvent({
		title: 'CSP preview social',
		capacity: 10,
		organiserId: organiser.id
	});
	await postForm(
		request,
		`/events/${event.slug}/book`,
		{ eventId: String(event.id) },
		await sessionFor(member.email)
	);
	await signedIn(context, organiser.email);
	await visit(`/organiser/events/${event.id}/attendees/message`);
	await page.getByLabel('People with a place').check();
	await page.getByLabel('Subject').fill('Room change');
	await page.getByLabel('Message').fill('We have moved to the large hall.');
	await page.getByRole('button', { name: 'Preview message' }).click();
	const preview = page.frameLocator('iframe[title="The email as the first person will see it"]');
	await expect(preview.locator('body')).toContainText('We have moved to the large hall.');
	const link = preview.locator('a[style="color:#4b1f8f"]').first();
	expect(await link.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(75, 31, 143)');
	const paragraph = preview.locator('p[style]').first();
	expect(await paragraph.evaluate((el) => getComputedStyle(el).marginBottom)).toBe('16px');
	expect(await violationsIn(page), 'message preview').toEqual([]);

	await visit('/dev/mail');
	expect(consoleLines, visited.join(', ')).toEqual([]);
	await context.close();
});
