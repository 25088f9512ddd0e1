// A member's way through, told as stories: finding their bookings, the waiting list in plain
// words, confirmations that restate what they asked for, keyboard focus, the calendar, deleting
// the account. Every story makes its own members and events.
import { expect, test } from '@playwright/test';
import ICAL from 'ical.js';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { createTestEvent } from './support/events.ts';
import { waitForMail } from './support/mailbox.ts';
import {
	addSessions,
	focused,
	screenshotsWithoutSidewaysScroll,
	signedInMember,
	submittedGrantApplication,
	tabTo
} from './support/member-journey.ts';
import { MEMBER_PASSWORD, uniqueEmail } from './support/members.ts';

test('by keyboard alone a member books a course, lands on the announced confirmation, finds it again and cancels it', async ({
	browser,
	request
}) => {
	const event = await createTestEvent({ title: 'Keyboard course', capacity: 5 });
	const { user, page } = await signedInMember(browser, 'Kiran Keyboard');
	await page.goto(`/events/${event.slug}/book`);
	await tabTo(page, 'Step-free access');
	await page.keyboard.press('Space');
	await tabTo(page, 'Dietary needs');
	await page.keyboard.type('Vegetarian');
	await tabTo(page, 'Confirm booking');
	await page.keyboard.press('Enter');

	await expect(page).toHaveURL(/\/account\/bookings\?done=booked$/);
	const banner = page.getByRole('status').filter({ hasText: 'Your place is booked.' });
	await expect(banner).toBeFocused();
	await expectNoAxeViolations(page);

	// The confirmation restates the answers and links the release-time letter.
	const confirmation = await waitForMail(request, user.email, 'booking-confirmed');
	expect(confirmation.text).toContain('Access needs: Step-free access');
	expect(confirmation.text).toContain('Dietary needs: Vegetarian');
	expect(confirmation.text).toContain(
		'Reply to this email and the organisers will update your booking'
	);
	const letter = /(\/account\/bookings\/[^/\s]+\/release-letter)/.exec(confirmation.text)![1];

	// Your bookings is in the header and the booking is on the account page.
	await tabTo(page, 'Your account');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/account$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeFocused();
	await expect(page.locator('#bookings')).toContainText('Keyboard course');
	await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('Your bookings');
	await tabTo(page, 'Manage your bookings');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/account\/bookings$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Your bookings' })).toBeFocused();

	await tabTo(page, 'Cancel booking for Keyboard course');
	await page.keyboard.press('Enter');
	const question = page.getByRole('group', { name: /Cancel your place at Keyboard course/ });
	await expect(question).toBeFocused();
	await page.keyboard.press('Tab');
	expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Yes, cancel my booking' });
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('status').filter({ hasText: 'Your booking is cancelled.' })
	).toBeFocused();

	await page.goto(letter);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('the waiting list speaks plainly: join it, see how long an offer is held, accept or decline, or leave it', async ({
	browser,
	request
}) => {
	const event = await createTestEvent({ title: 'Small workshop', capacity: 1 });
	const first = await signedInMember(browser, 'Femi First');
	await first.page.goto(`/events/${event.slug}/book`);
	await first.page.getByRole('button', { name: 'Confirm booking' }).click();
	await expect(first.page.getByText('Your place is booked.')).toBeVisible();

	const second = await signedInMember(browser, 'Sana Second');
	await second.page.goto(`/events/${event.slug}`);
	await second.page.getByRole('link', { name: 'Join the waiting list' }).click();
	await expect(second.page.getByText('hold it for you for 24 hours')).toBeVisible();
	await second.page.getByRole('button', { name: 'Join the waiting list' }).click();
	await expect(second.page.getByRole('status')).toContainText('hold it for you for 24 hours');
	await expect(
		second.page.getByRole('link', { name: 'Leave the waiting list for Small workshop' })
	).toBeVisible();
	await expect(second.page.getByRole('link', { name: /Cancel booking/ })).toHaveCount(0);
	expect((await waitForMail(request, second.user.email, 'booking-waitlisted')).text).toContain(
		'hold it for you for 24 hours'
	);
	await screenshotsWithoutSidewaysScroll(second.page, 'bookings-waiting');

	await first.page.goto('/account/bookings');
	await first.page.getByRole('link', { name: 'Cancel booking for Small workshop' }).click();
	await first.page.getByRole('button', { name: 'Yes, cancel my booking' }).click();
	await expect(first.page.getByText('Your booking is cancelled.')).toBeVisible();

	const offer = await waitForMail(request, second.user.email, 'booking-offer');
	expect(offer.text).toContain('Decline the place, and it goes straight to the next person');
	await second.page.goto('/account/bookings');
	await expect(second.page.getByRole('button', { name: 'Accept place' })).toBeVisible();
	await expect(second.page.getByRole('button', { name: 'Decline place' })).toBeVisible();
	await expect(second.page.getByText('Decline it if you cannot come')).toBeVisible();
	await expect(
		second.page.getByRole('link', { name: /Cancel booking|Leave the waiting list/ })
	).toHaveCount(0);
	await expectNoAxeViolations(second.page);
	await screenshotsWithoutSidewaysScroll(second.page, 'bookings-offered');
	await second.page.getByRole('button', { name: 'Decline place' }).click();
	await expect(second.page.getByRole('status')).toContainText('You have declined the place');
});

test('Back after booking shows the booking where it is, and its forms post to the right address', async ({
	browser
}) => {
	const event = await createTestEvent({ title: 'Back button talk', capacity: 5 });
	const { page } = await signedInMember(browser, 'Bola Back');
	await page.goto(`/events/${event.slug}`);
	await page.getByRole('link', { name: 'Book a place' }).click();
	await page.getByRole('button', { name: 'Confirm booking' }).click();
	await expect(page).toHaveURL(/\/account\/bookings\?done=booked$/);
	await page.goBack();
	await expect(page).toHaveURL(new RegExp(`/events/${event.slug}/book$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('You have booked this event');
	await expect(page.locator('main form')).toHaveCount(0);
	await page.getByRole('link', { name: 'Go to your bookings' }).click();
	for (const action of await page
		.locator('main form')
		.evaluateAll((forms) => forms.map((f) => f.getAttribute('action'))))
		expect(action).toMatch(/^\/account\/bookings\?\//);
	await page.getByRole('link', { name: 'Cancel booking for Back button talk' }).click();
	await page.getByRole('button', { name: 'Yes, cancel my booking' }).click();
	await expect(page.getByText('Your booking is cancelled.')).toBeVisible();
});

test('Add to calendar on the event page gives a member the same entry as their invitation, in London time', async ({
	browser,
	request
}) => {
	const event = await createTestEvent({ title: 'Calendar evening', capacity: 5 });
	const { user, page } = await signedInMember(browser, 'Cal Endar');
	await page.goto(`/events/${event.slug}/book`);
	await page.getByRole('button', { name: 'Confirm booking' }).click();
	await expect(page.getByText('Your place is booked.')).toBeVisible();
	const invite = (await waitForMail(request, user.email, 'booking-confirmed')).calendar!.ics;
	await page.goto(`/events/${event.slug}`);
	const href = await page.getByRole('link', { name: 'Add to calendar' }).getAttribute('href');
	expect(href).toMatch(/^\/account\/bookings\/[^/]+\/calendar\.ics$/);
	const file = await (await page.request.get(href!)).text();
	const uid = (ics: string) =>
		new ICAL.Component(ICAL.parse(ics))
			.getFirstSubcomponent('vevent')!
			.getFirstPropertyValue('uid');
	expect(uid(file)).toBe(uid(invite));
	for (const ics of [file, invite]) {
		expect(ics).toContain('BEGIN:VTIMEZONE');
		expect(ics).toContain('DTSTART;TZID=Europe/London:');
	}
});

test('a member changes their password: the fields are emptied and an email says it changed', async ({
	browser,
	request
}) => {
	const { user, page } = await signedInMember(browser, 'Pat Password');
	await page.goto('/account');
	await page.getByLabel('Current password').fill(MEMBER_PASSWORD);
	await page.getByLabel('New password').fill('lantern orchard pebble quartz');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Your password has been changed.' })
	).toBeFocused();
	await expect(page.getByLabel('Current password')).toHaveValue('');
	await expect(page.getByLabel('New password')).toHaveValue('');
	const email = await waitForMail(request, user.email, 'password-changed');
	expect(email.text).toContain('If it was not you, reset your password');
});

test('someone who has not confirmed their email is asked for the code when they open a booking page', async ({
	page
}) => {
	const event = await createTestEvent({
		title: 'Unconfirmed welcome',
		capacity: 5,
		category: 'celebration'
	});
	await page.goto('/register');
	await page.getByLabel('Full name').fill('Una Confirmed');
	await page.getByLabel('Email').fill(uniqueEmail('unconfirmed'));
	await page.getByLabel('Password').fill(MEMBER_PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page).toHaveURL(/\/verify-email/);
	await page.goto(`/events/${event.slug}/book`);
	await expect(page).toHaveURL(/\/verify-email\?redirectTo=/);
	await expect(page.getByText('Confirm your email address to book a place.')).toBeVisible();
	await page.context().clearCookies();
	await page.goto(`/events/${event.slug}/book`);
	await expect(page).toHaveURL(/\/login\?redirectTo=/);
	await expect(page.getByText('not yet entered the code we emailed you')).toBeVisible();
});

test('deleting an account names the grant application and cancels every session of every upcoming place in the calendar', async ({
	browser,
	request
}) => {
	const { user, page } = await signedInMember(browser, 'Dee Leting-Averylongsurname');
	const reference = await submittedGrantApplication(user.id);
	const events = [
		await createTestEvent({ title: 'Delete one', capacity: 5, category: 'celebration' }),
		await createTestEvent({ title: 'Delete two', capacity: 5, category: 'celebration' }),
		await createTestEvent({ title: 'Delete course', capacity: 5 })
	];
	await addSessions(events[2].id, 2);
	for (const event of events) {
		await page.goto(`/events/${event.slug}/book`);
		await page.getByRole('button', { name: 'Confirm booking' }).click();
		await expect(page.getByText('Your place is booked.')).toBeVisible();
	}
	await page.goto('/account/delete');
	await expect(page.getByText(reference)).toBeVisible();
	await expect(page.getByText('withdrawn before a decision')).toBeVisible();
	await expectNoAxeViolations(page);
	await screenshotsWithoutSidewaysScroll(page, 'delete-account');
	const password = page.getByLabel('Password', { exact: false });
	if (await password.count()) await password.fill(MEMBER_PASSWORD);
	await page.getByRole('button', { name: 'Yes, delete my account' }).click();
	await expect(page).toHaveURL(/\/account-deleted$/);

	await expect(async () => {
		const mail: { calendar: { method: string } | null }[] = await (
			await request.get(`/dev/mail.json?to=${encodeURIComponent(user.email)}`)
		).json();
		expect(mail.filter((m) => m.calendar?.method === 'CANCEL')).toHaveLength(5);
	}).toPass({ timeout: 20_000 });
});

test('member pages fit a phone without sideways scrolling', async ({ browser }) => {
	const event = await createTestEvent({
		title: 'A rather long course title that has to wrap on a phone',
		capacity: 5
	});
	const { page } = await signedInMember(browser, 'Wren Width');
	await page.goto(`/events/${event.slug}/book`);
	await screenshotsWithoutSidewaysScroll(page, 'book');
	await page.getByRole('button', { name: 'Confirm booking' }).click();
	await expect(page.getByText('Your place is booked.')).toBeVisible();
	await screenshotsWithoutSidewaysScroll(page, 'bookings');
	for (const [path, name] of [
		['/account', 'account'],
		[`/events/${event.slug}`, 'event'],
		['/account/grants', 'grants']
	]) {
		await page.goto(path);
		await screenshotsWithoutSidewaysScroll(page, name);
	}
});
