// Every page a member can reach, checked for sideways scrolling at 320, 390 and 1280 px (and
// photographed into test-results/screenshots with SCREENSHOTS=1): signed out, signed in with bookings, a ticket and a
// release-time letter, every question of the grant application, and a finished course's
// certificate. Each story makes its own member, events and application.
import { expect, test, type Page } from '@playwright/test';
import { createTestEvent } from './support/events.ts';
import { finishedCourse } from './support/finished-course.ts';
import { waitForMail } from './support/mailbox.ts';
import { answerUpToEvidence, sendApplication } from './support/grant-application.ts';
import { screenshotsWithoutSidewaysScroll, signedInMember } from './support/member-journey.ts';
import { port } from './support/server.ts';
import { sessionFor } from './support/sessions.ts';

test.describe.configure({ timeout: 120_000 });

const LONG_TITLE =
	'Health and safety representatives’ stage one course: risk assessment, inspections and workplace consultation';

/** How many lines each place the grant reference is written takes, at each width: all 1. */
async function expectReferenceWhole(page: Page, reference: string) {
	for (const width of [320, 360, 390, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		const lines = await page.evaluate((ref) => {
			const found: number[] = [];
			const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const at = node.textContent!.indexOf(ref);
				if (at < 0) continue;
				const range = document.createRange();
				range.setStart(node, at);
				range.setEnd(node, at + ref.length);
				const rects = [...range.getClientRects()].filter((r) => r.width > 1);
				// Text that is not shown (a closed menu, a hidden announcer) takes no lines.
				if (rects.length) found.push(new Set(rects.map((r) => Math.round(r.top))).size);
			}
			return found;
		}, reference);
		expect(lines.length, `${page.url()} shows ${reference}`).toBeGreaterThan(0);
		expect(lines, `${reference} on ${page.url()} at ${width} px`).toEqual(lines.map(() => 1));
	}
}

async function visit(page: Page, path: string, name: string) {
	await page.goto(path);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await screenshotsWithoutSidewaysScroll(page, name);
}

test('signed-out pages a member meets fit every width', async ({ page }) => {
	const event = await createTestEvent({ title: LONG_TITLE, capacity: 5 });
	for (const [path, name] of [
		['/', 'home'],
		['/events', 'events'],
		[`/events/${event.slug}`, 'event-signed-out'],
		['/grants/winter-fuel', 'grant-start'],
		['/privacy', 'privacy'],
		['/login', 'login'],
		['/register', 'register'],
		['/forgot-password', 'forgot-password'],
		['/account-deleted', 'account-deleted']
	]) {
		await visit(page, path, name);
	}
});

test('a signed-in member’s pages fit every width: account, bookings, ticket, letter, devices, data and delete', async ({
	browser
}) => {
	const event = await createTestEvent({ title: LONG_TITLE, capacity: 5, guestsAllowed: 2 });
	const { page } = await signedInMember(browser, 'Wilhelmina Featherstonehaugh-Widthington');
	await visit(page, `/events/${event.slug}/book`, 'book');
	await page.getByLabel('Step-free access').check();
	await page.getByLabel('Dietary needs').fill('Vegetarian, and no nuts please');
	await page.getByRole('button', { name: 'Confirm booking' }).click();
	await expect(page.getByText('Your place is booked.')).toBeVisible();
	await screenshotsWithoutSidewaysScroll(page, 'bookings-after-booking');

	await page.getByRole('link', { name: /^Cancel booking/ }).click();
	await expect(page.getByRole('button', { name: 'Yes, cancel my booking' })).toBeVisible();
	await screenshotsWithoutSidewaysScroll(page, 'bookings-cancel-question');

	const ticket = await page
		.getByRole('link', { name: /Show or print your ticket/ })
		.getAttribute('href');
	const uid = /bookings\/([^/]+)\/ticket/.exec(ticket!)![1];
	for (const [path, name] of [
		[ticket!, 'ticket'],
		[`/account/bookings/${uid}/release-letter`, 'release-letter'],
		[`/events/${event.slug}`, 'event-booked'],
		['/account', 'account'],
		['/account/bookings', 'bookings'],
		['/account/devices', 'devices'],
		['/account/delete', 'delete'],
		['/account/grants', 'grants-none']
	]) {
		await visit(page, path, name);
	}
	await page.goto('/account#your-data');
	await page.locator('#your-data').scrollIntoViewIfNeeded();
	await screenshotsWithoutSidewaysScroll(page, 'account-your-data');
});

test('every question of the grant application, Check your answers and the sent application fit every width', async ({
	browser,
	request
}) => {
	const { user, page } = await signedInMember(browser, 'Gwendolyn Grant-Applicant');
	const token = await sessionFor(user.email);
	await answerUpToEvidence(request, token);
	const steps = [
		'household',
		'fuel-bills',
		'supplier',
		'income',
		'savings',
		'previous-awards',
		'circumstances',
		'evidence',
		'payment'
	];
	let reference = '';
	for (const step of steps) {
		await visit(page, `/grants/winter-fuel/apply/${step}`, `grant-step-${step}`);
		reference = (await page.locator('.caption .nowrap').innerText()).trim();
		await expectReferenceWhole(page, reference);
	}
	await visit(page, '/grants/winter-fuel/apply/check', 'grant-check');
	expect(await sendApplication(request, token)).toBe(reference);
	for (const [path, name] of [
		['/account/grants', 'grants'],
		[`/account/grants/${reference}`, 'grant-application']
	]) {
		await visit(page, path, name);
		await expectReferenceWhole(page, reference);
	}
});

test('the offer email wraps its long link on a phone', async ({ browser, request }) => {
	const event = await createTestEvent({ title: LONG_TITLE, capacity: 1 });
	const first = await signedInMember(browser, 'Olu Offer-Giver');
	await first.page.goto(`/events/${event.slug}/book`);
	await first.page.getByRole('button', { name: 'Confirm booking' }).click();
	await expect(first.page.getByText('Your place is booked.')).toBeVisible();
	const second = await signedInMember(browser, 'Priya Offered');
	await second.page.goto(`/events/${event.slug}/book`);
	await second.page.getByRole('button', { name: 'Join the waiting list' }).click();
	await expect(second.page.getByRole('status')).toContainText('waiting list');
	await first.page.goto('/account/bookings');
	await first.page.getByRole('link', { name: /^Cancel booking/ }).click();
	await first.page.getByRole('button', { name: 'Yes, cancel my booking' }).click();
	await expect(first.page.getByText('Your booking is cancelled.')).toBeVisible();

	const offer = await waitForMail(request, second.user.email, 'booking-offer');
	expect(offer.text).toContain('Accept it by');
	const reader = await (await browser.newContext()).newPage();
	await reader.setContent(offer.html);
	await screenshotsWithoutSidewaysScroll(reader, 'offer-email');
});

test('a finished course’s certificate page fits every width', async ({ browser }) => {
	const course = await finishedCourse();
	const context = await browser.newContext();
	await context.addCookies([
		{ name: 'session', value: course.sam.token, url: `http://localhost:${port}` }
	]);
	const page = await context.newPage();
	await visit(page, `/account/bookings/${course.sam.uid}/certificate`, 'certificate');
	await visit(page, '/account/bookings', 'bookings-past-course');
});
