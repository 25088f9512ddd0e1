import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { CataloguePage } from './support/catalogue-page.ts';
import { createTestEvent } from './support/events.ts';
import { DESKTOP, PHONE, screenshotAtPhoneAndDesktop } from './support/screenshots.ts';

test('a visitor sees the branch and the next events of each kind on the home page', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Birmingham City Branch');
	for (const heading of [
		'Celebrations',
		'Days of action',
		'Winter fuel grant help sessions',
		'Training courses'
	]) {
		await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
	}
	await expect(
		page.getByRole('link', { name: 'Branch 25th Anniversary Celebration' })
	).toBeVisible();
	await expectNoAxeViolations(page);
	await screenshotAtPhoneAndDesktop(page, 'home');
});

test('a member browses upcoming events grouped by month, with dates, places and availability', async ({
	page
}) => {
	const catalogue = new CataloguePage(page);
	await catalogue.open();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Upcoming events');
	// The 13 demo events, and any that other specs running alongside have added.
	const summary = await page.getByRole('status').textContent();
	expect(Number(/(\d+) events/.exec(summary ?? '')?.[1])).toBeGreaterThanOrEqual(13);
	await expect(
		page.getByRole('heading', { level: 2, name: /^(January|February) 20\d\d$/ })
	).toBeVisible();

	const anniversary = catalogue.cardTitled('Branch 25th Anniversary Celebration');
	await expect(anniversary).toContainText(/Sat \d{1,2} [A-Z][a-z]{2}, 7:00pm to 11:30pm/);
	await expect(anniversary).toContainText('Ladywood Social Club');
	await expect(anniversary).toContainText('141 places left');
	await expect(catalogue.cardTitled('Negotiating skills for reps')).toContainText(
		'Full — join the waiting list'
	);
	await expect(catalogue.cardTitled('Windrush National Day of Action')).toContainText(
		'Unlimited places'
	);
	await expect(catalogue.cardTitled("Home care workers' strike rally")).toContainText(
		'No booking needed — just turn up'
	);
	await expectNoAxeViolations(page);
	await screenshotAtPhoneAndDesktop(page, 'events');
});

test('the category filter and search work without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const catalogue = new CataloguePage(page);
	await catalogue.open();

	await catalogue.chooseCategory('Training courses');
	await expect(page).toHaveURL(/category=course/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Upcoming training courses');
	await catalogue.expectEveryCardTagged('Training course');
	for (const course of [
		'Introduction to being a workplace rep',
		'Health and safety reps stage 1',
		'Equal pay: know your rights',
		'Mental health awareness at work',
		'Negotiating skills for reps'
	]) {
		await expect(catalogue.cardTitled(course)).toBeVisible();
	}

	await catalogue.search('equal pay');
	await expect(page).toHaveURL(/category=course&q=equal\+pay/);
	await expect(catalogue.cards()).toHaveCount(1);
	await expect(catalogue.cardTitled('Equal pay: know your rights')).toBeVisible();

	await catalogue.chooseCategory('All events');
	await catalogue.search('Ladywood');
	await expect(catalogue.cards()).toHaveCount(1);
	await catalogue.search('no such thing anywhere');
	await expect(page.getByText('No events match your search.')).toBeVisible();
	await context.close();
});

test('a course page lists every session, the venue with its access notes, and how to book', async ({
	page
}) => {
	await page.goto('/events');
	await page.getByRole('link', { name: 'Introduction to being a workplace rep' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Introduction to being a workplace rep'
	);
	const sessions = page.locator('ol.sessions li');
	await expect(sessions).toHaveCount(3);
	await expect(sessions.first()).toContainText(
		/Week 1: Tue \d{1,2} [A-Z][a-z]{2}, 9:30am to 4:00pm/
	);
	await expect(page.locator('address')).toContainText('8 Cherry Street, Birmingham');
	await expect(page.locator('address')).toContainText('B2 5AL');
	await expect(page.getByText('Step-free entrance on Cherry Street')).toBeVisible();
	await expect(page.getByText('11 places left')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Book a place' })).toHaveAttribute(
		'href',
		'/events/introduction-to-being-a-workplace-rep/book'
	);
	await expectNoAxeViolations(page);
	await screenshotAtPhoneAndDesktop(page, 'event-course');

	await page.goto('/events/negotiating-skills-for-reps');
	await expect(page.getByRole('link', { name: 'Join the waiting list' })).toBeVisible();
	await expect(page.getByText('(3 people waiting)')).toBeVisible();
});

test('an unknown page gets a friendly 404 and /healthz reports the database', async ({
	page,
	request
}) => {
	const response = await page.goto('/events/no-such-event');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	await expect(page.getByRole('link', { name: 'See all upcoming events' })).toBeVisible();
	await expectNoAxeViolations(page);

	const health = await request.get('/healthz');
	expect(health.status()).toBe(200);
	expect(await health.json()).toMatchObject({ status: 'ok', database: { reachable: true } });
});

test('a form posted from the printed plain-http URL passes the origin check; another site is refused', async ({
	request,
	baseURL
}) => {
	// /events has no form actions, so an accepted POST reaches routing (405); a refused one is 403.
	const sameSite = await request.post('/events', {
		headers: { origin: baseURL! },
		form: { q: 'x' }
	});
	expect(sameSite.status()).toBe(405);
	const crossSite = await request.post('/events', {
		headers: { origin: 'http://evil.example' },
		form: { q: 'x' }
	});
	expect(crossSite.status()).toBe(403);
});

test('keyboard users can skip to the content and always see where focus is', async ({ page }) => {
	await page.goto('/events');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to main content' });
	await expect(skip).toBeFocused();
	await expect(skip).toHaveCSS('background-color', 'rgb(255, 221, 0)');
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();
});

test('every view of the catalogue passes axe and fits a 320 px phone without sideways scrolling', async ({
	page
}) => {
	// Twenty-two axe scans: on two busy cores that outlasts the default minute.
	test.slow();
	// Enough events, far ahead of the demo ones, for the listing to need a second page.
	for (let i = 1; i <= 20; i++) {
		await createTestEvent({
			title: `Retired members social ${i}`,
			capacity: 40,
			category: 'celebration',
			startsInDays: 600 + i
		});
	}
	const views = [
		'/',
		'/events',
		'/events?page=2',
		'/events?category=day-of-action',
		'/events?q=equal+pay',
		'/events?q=no+such+thing+anywhere',
		'/events?when=past',
		'/events/windrush-national-day-of-action',
		'/events/negotiating-skills-for-reps',
		'/grants/winter-fuel',
		'/privacy'
	];
	for (const size of [PHONE, DESKTOP]) {
		await page.setViewportSize(size);
		for (const view of views) {
			const response = await page.goto(view);
			expect(response?.status(), view).toBe(200);
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(width, `${view} at ${size.width} px`).toBeLessThanOrEqual(size.width);
			await expectNoAxeViolations(page);
		}
	}
	await page.goto('/events?page=2');
	await expect(page.getByText(/Page 2 of \d+/)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Previous page' })).toHaveAttribute(
		'href',
		'/events'
	);
	await screenshotAtPhoneAndDesktop(page, 'events-page-2');
});
