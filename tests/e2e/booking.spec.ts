import { expect, test, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { parseInvite } from './support/invites.ts';
import { bookingUidOf, createTestEvent } from './support/events.ts';
import { waitForMail } from './support/mailbox.ts';
import { createMemberInGoodStanding, signedInMember } from './support/members.ts';
import { screenshotAtPhoneAndDesktop } from './support/screenshots.ts';
import { postForm } from './support/form-body.ts';
import { openE2eDatabase } from './support/server.ts';
import { sessionFor } from './support/sessions.ts';

async function bookFromEventPage(page: Page, slug: string, button: string) {
	await page.goto(`/events/${slug}`);
	await page.getByRole('link', { name: button }).click();
	await expectNoAxeViolations(page);
	await page.getByLabel('Step-free access').check();
	await page.getByLabel('Dietary needs').fill('Vegetarian');
	await page.getByRole('button', { name: /^(Confirm booking|Join the waiting list)$/ }).click();
}

test('a member books the last place, the next joins the waiting list, a cancellation becomes their place', async ({
	browser,
	request
}) => {
	const event = await createTestEvent({ title: 'Reps negotiation workshop', capacity: 1 });
	const { member: first, page: amara } = await signedInMember(browser, 'Amara Okafor');
	await bookFromEventPage(amara, event.slug, 'Book a place');
	await expect(amara.getByText('Your place is booked.')).toBeVisible();
	await expectNoAxeViolations(amara);

	const firstBooking = { booking: await bookingUidOf(event.id, first.id) };
	const confirmation = await waitForMail(request, first.email, 'booking-confirmed', firstBooking);
	const invite = parseInvite(confirmation.calendar!.ics);
	expect(invite).toMatchObject({ method: 'REQUEST', attendee: `MAILTO:${first.email}` });
	expect(confirmation.text).toContain('does not give up your place');

	const { member: next, page: shazia } = await signedInMember(browser, 'Shazia Begum');
	await shazia.goto(`/events/${event.slug}`);
	await expect(shazia.getByText('Full — join the waiting list')).toBeVisible();
	await bookFromEventPage(shazia, event.slug, 'Join the waiting list');
	await expect(shazia.getByText('You are number 1 on the waiting list.')).toBeVisible();
	const nextBooking = { booking: await bookingUidOf(event.id, next.id) };
	expect(
		(await waitForMail(request, next.email, 'booking-waitlisted', nextBooking)).subject
	).toContain('Waiting list');

	await amara.goto('/account/bookings');
	await amara.getByRole('link', { name: 'Cancel booking for Reps negotiation workshop' }).click();
	await amara.getByRole('button', { name: 'Yes, cancel my booking' }).click();
	await expect(amara.getByText('Your booking is cancelled.')).toBeVisible();
	const cancel = parseInvite(
		(await waitForMail(request, first.email, 'booking-cancelled', firstBooking)).calendar!.ics
	);
	expect(cancel).toMatchObject({ method: 'CANCEL', uid: invite.uid });

	await waitForMail(request, next.email, 'booking-offer', nextBooking);
	await shazia.goto('/account/bookings');
	await expect(shazia.getByText('A place has come up for you.')).toBeVisible();
	await expectNoAxeViolations(shazia);
	await screenshotAtPhoneAndDesktop(shazia, 'bookings-offer');
	await shazia.getByRole('button', { name: 'Accept place' }).click();
	await expect(shazia.getByText('Your place is confirmed.')).toBeVisible();
	const accepted = parseInvite(
		(await waitForMail(request, next.email, 'booking-confirmed', nextBooking)).calendar!.ics
	);
	expect(accepted.method).toBe('REQUEST');
	expect(accepted.attendee).toBe(`MAILTO:${next.email}`);
	expect(accepted.uid).not.toBe(invite.uid);
});

test('an expired offer cannot be accepted and says why', async ({ browser }) => {
	const event = await createTestEvent({
		title: 'Pensions surgery',
		capacity: 1,
		category: 'celebration'
	});
	const { page: daniel } = await signedInMember(browser, 'Daniel Hughes');
	await bookFromEventPage(daniel, event.slug, 'Book a place');
	const { page: kevin } = await signedInMember(browser, 'Kevin Doyle');
	await bookFromEventPage(kevin, event.slug, 'Join the waiting list');
	await daniel.goto('/account/bookings');
	await daniel.getByRole('link', { name: 'Cancel booking for Pensions surgery' }).click();
	await daniel.getByRole('button', { name: 'Yes, cancel my booking' }).click();

	await kevin.goto('/account/bookings');
	await expect(kevin.getByRole('button', { name: 'Accept place' })).toBeVisible();
	const { client } = openE2eDatabase();
	await client.execute({
		sql: "update bookings set offer_expires_at = ? where status = 'offered' and event_id = ?",
		args: [Date.now() - 60_000, event.id]
	});
	client.close();
	await kevin.getByRole('button', { name: 'Accept place' }).click();
	await expect(kevin.getByRole('alert')).toContainText('This offer expired at');
});

test('the personal calendar feed holds exactly the confirmed bookings', async ({
	browser,
	request
}) => {
	const open = await createTestEvent({
		title: 'Branch quiz night',
		capacity: 10,
		category: 'celebration'
	});
	const full = await createTestEvent({
		title: 'Tiny workshop',
		capacity: 1,
		category: 'celebration'
	});
	const { page: leanne } = await signedInMember(browser, 'Leanne Price');
	await bookFromEventPage(leanne, open.slug, 'Book a place');
	const { page: marcus } = await signedInMember(browser, 'Marcus Campbell');
	await bookFromEventPage(marcus, full.slug, 'Book a place');
	await bookFromEventPage(leanne, full.slug, 'Join the waiting list');

	await leanne.goto('/account/bookings');
	const feedUrl = await leanne.locator('.feed-url code').textContent();
	const feed = await request.get(new URL(feedUrl!).pathname);
	expect(feed.headers()['cache-control']).toBe('private, no-cache');
	const summaries = new ICAL.Component(ICAL.parse(await feed.text()))
		.getAllSubcomponents('vevent')
		.map((v) => v.getFirstPropertyValue('summary'));
	expect(summaries).toContain('Branch quiz night');
	expect(summaries).not.toContain('Tiny workshop');
	await screenshotAtPhoneAndDesktop(leanne, 'bookings');

	await leanne.getByRole('button', { name: 'Make a new feed address' }).click();
	await expect(leanne.locator('.feed-url code')).not.toHaveText(feedUrl!);
	const newFeedUrl = await leanne.locator('.feed-url code').textContent();
	expect((await request.get(new URL(feedUrl!).pathname)).status()).toBe(404);
	expect((await request.get(new URL(newFeedUrl!).pathname)).status()).toBe(200);
});

test('a member whose subs have lapsed is told why they cannot book a course', async ({
	browser
}) => {
	const course = await createTestEvent({ title: 'Workplace organising', capacity: 10 });
	const { page: lapsed } = await signedInMember(browser, 'Hannah Roberts', {
		subsLapsed: true
	});
	await lapsed.goto(`/events/${course.slug}`);
	await expect(
		lapsed.getByText(
			/Courses and grant help sessions are for branch members whose subs are up to date/
		)
	).toBeVisible();
	await expect(lapsed.getByRole('link', { name: 'Check your membership' })).toBeVisible();
	await expectNoAxeViolations(lapsed);
});

test('a booking form posted to one event’s address books that event, whatever id it carries', async ({
	request
}) => {
	const shown = await createTestEvent({
		title: 'Shown event',
		capacity: 5,
		category: 'celebration'
	});
	const other = await createTestEvent({
		title: 'Other event',
		capacity: 5,
		category: 'celebration'
	});
	const yusuf = await createMemberInGoodStanding('Yusuf Ali');
	const token = await sessionFor(yusuf.email);
	const response = await postForm(
		request,
		`/events/${shown.slug}/book`,
		{ eventId: String(other.id), dietary: '' },
		token
	);
	expect(response.status()).toBe(303);
	const { client } = openE2eDatabase();
	const booked = await client.execute({
		sql: `select e.slug from bookings b join events e on e.id = b.event_id join users u on u.id = b.user_id
			where u.email = ? and e.id in (?, ?)`,
		args: [yusuf.email, shown.id, other.id]
	});
	client.close();
	expect(booked.rows.map((r) => r.slug)).toEqual([shown.slug]);
});
