// A member's way through, told as stories: finding their bookings, the waiting list in plain
// words, confirmations that restate what they asked for, keyboard focus, the calendar, deleting
// the account. Every story makes its own members and events.
import { expect, test } from '@playwright/test';
import ICAL from 'ical.js';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { createTestEvent } from './support/events.ts';
import { waitForMail } from './support/mailbox.ts';
import {
	focused,
	screenshotsWithoutSidewaysScroll,
	signedInMember,
	tabTo
} from './support/member-journey.ts';

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
