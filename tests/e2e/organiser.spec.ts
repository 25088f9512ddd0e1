import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { parseInvite } from './support/invites.ts';
import { bookingUidOf } from './support/events.ts';
import { mailTo, waitForMail } from './support/mailbox.ts';
import { signedInMember } from './support/members.ts';
import { PHONE, screenshotAtPhoneAndDesktop } from './support/screenshots.ts';
import { createAccount, signInAsStaff } from './support/staff.ts';

// One long story: sign-ins hash passwords with argon2 and every page runs axe.
test.describe.configure({ timeout: 180_000 });

/** A new member of the test's own books the event; the member and their booking's uid. */
async function memberBooks(browser: Browser, event: { id: number; slug: string }) {
	const { member, page } = await signedInMember(browser, 'Amara Okafor');
	await page.goto(`/events/${event.slug}`);
	await page.getByRole('link', { name: 'Book a place' }).click();
	await page.getByRole('button', { name: 'Confirm booking' }).click();
	await expect(page.getByText('Your place is booked.')).toBeVisible();
	await page.context().close();
	return { member, booking: await bookingUidOf(event.id, member.id) };
}

async function ready(page: Page, path: string) {
	await page.goto(path);
	await page.waitForLoadState('networkidle');
}

test('an organiser creates, previews and publishes an event, moves it, takes the register, messages and cancels', async ({
	page,
	browser,
	request
}) => {
	const title = `Stewards’ social ${Date.now()}`;
	const day = new Date(Date.now() + 30 * 24 * 3_600_000).toISOString().slice(0, 10);

	const organiser = await createAccount({
		name: 'Olu Bello',
		roles: ['organiser'],
		twoFactor: true,
		label: 'organiser'
	});
	await signInAsStaff(page, organiser, '/organiser');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staff desk');
	await expectNoAxeViolations(page);

	// Create: a refused form says what to fix and keeps what was typed.
	await page.getByRole('link', { name: 'Create an event' }).first().click();
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Summary').fill('Drinks and a buffet for our stewards');
	await page.getByRole('button', { name: 'Save as draft' }).click();
	await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Enter a title' })).toBeVisible();
	await expect(page.getByLabel('Summary')).toHaveValue('Drinks and a buffet for our stewards');
	await expectNoAxeViolations(page);
	await screenshotAtPhoneAndDesktop(page, 'organiser-new-event-errors');

	await page.getByLabel('Title', { exact: true }).fill(title);
	await page.getByLabel('Kind of event').selectOption('celebration');
	await page.getByLabel('Description').fill('A thank-you evening for every steward in the branch.');
	await page.getByLabel('Venue name').fill('Ladywood Social Club');
	await page.getByLabel('Postcode').fill('B16 8AA');
	const first = page.getByRole('group', { name: 'Session 1' });
	await first.getByLabel('Date').fill(day);
	await first.getByLabel('Starts').fill('18:30');
	await first.getByLabel('Ends').fill('20:30');
	await page.getByLabel('Places', { exact: true }).fill('2');
	await page.getByRole('button', { name: 'Add another session' }).click();
	await expect(page.getByRole('group', { name: 'Session 2' })).toBeVisible();
	await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);
	// A session row goes with its own button, and what was typed stays.
	await page.getByRole('button', { name: 'Remove session 2' }).click();
	await expect(page.getByRole('group', { name: 'Session 2' })).toHaveCount(0);
	await expect(first.getByLabel('Starts')).toHaveValue('18:30');
	await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);
	await page.getByRole('button', { name: 'Save as draft' }).click();
	await expect(page.getByText('Saved as a draft.')).toBeVisible();
	const eventId = /\/organiser\/events\/(\d+)/.exec(page.url())![1];
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: 'Preview' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByText('Only this event’s organisers can see this page')).toBeVisible();
	await expectNoAxeViolations(page);

	await ready(page, `/organiser/events/${eventId}`);
	await page.getByRole('button', { name: 'Publish' }).click();
	await expect(page.getByText('Published. Members can now see and book it.')).toBeVisible();
	await expectNoAxeViolations(page);
	const slug = (await page.getByRole('link', { name: 'See the public page' }).getAttribute('href'))!
		.split('/')
		.pop()!;

	const { member: amara, booking } = await memberBooks(browser, { id: Number(eventId), slug });
	const aboutBooking = { booking };
	const booked = parseInvite(
		(await waitForMail(request, amara.email, 'booking-confirmed', aboutBooking)).calendar!.ics
	);

	// Moving the event updates the member's calendar entry: same UID, higher SEQUENCE.
	await ready(page, `/organiser/events/${eventId}`);
	await page.getByRole('group', { name: 'Session 1' }).getByLabel('Starts').fill('19:00');
	await page.getByRole('group', { name: 'Session 1' }).getByLabel('Ends').fill('21:30');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByText('Changes saved.')).toBeVisible();
	const changed = await waitForMail(request, amara.email, 'event-changed', aboutBooking);
	expect(changed.text).toContain('It now takes place');
	const update = parseInvite(changed.calendar!.ics);
	expect(update).toMatchObject({ method: 'REQUEST', uid: booked.uid });
	expect(update.sequence).toBeGreaterThan(booked.sequence);

	// An organiser adds someone whose name looks like a spreadsheet formula.
	const tricky = await createAccount({
		name: '=HYPERLINK("http://evil.example","Click")',
		label: 'member'
	});
	await ready(page, `/organiser/events/${eventId}/attendees`);
	await page.getByLabel('Email address or membership number').fill(tricky.email);
	await page.getByRole('button', { name: 'Add to the event' }).click();
	await expect(page.getByText('has a place and has been sent the confirmation')).toBeVisible();
	await expect(page.getByText('0 of 2 here')).toBeVisible();
	await expectNoAxeViolations(page);
	await screenshotAtPhoneAndDesktop(page, 'organiser-attendees');

	// Removing someone asks first; keeping them changes nothing.
	await page.getByRole('button', { name: 'Remove Amara Okafor' }).click();
	await expect(page.getByRole('heading', { name: 'Remove Amara Okafor?' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Keep them' }).click();
	await expect(page.getByRole('heading', { name: 'Remove Amara Okafor?' })).toHaveCount(0);

	// Both places are now confirmed: lowering capacity to 1 is refused beside the field, and the
	// typed value is kept.
	await ready(page, `/organiser/events/${eventId}`);
	await page.getByLabel('Places', { exact: true }).fill('1');
	await page.getByRole('button', { name: 'Save changes' }).click();
	const refusal =
		'Capacity cannot be less than 2: that many places are already confirmed or offered';
	await expect(page.getByRole('link', { name: refusal })).toBeVisible();
	await expect(page.locator('#capacity-error')).toBeVisible();
	await expect(page.getByLabel('Places', { exact: true })).toHaveValue('1');
	await ready(page, `/organiser/events/${eventId}/attendees`);

	// The door at phone width: one tap in, and an undo.
	await page.setViewportSize(PHONE);
	await page.getByRole('button', { name: 'Check in Amara' }).click();
	await expect(page.getByText('1 of 2 here')).toBeVisible();
	await page.getByRole('button', { name: 'Undo check-in for Amara' }).click();
	await expect(page.getByText('0 of 2 here')).toBeVisible();
	await page.getByRole('button', { name: 'Check in Amara' }).click();
	await expect(page.getByText('1 of 2 here')).toBeVisible();
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
	await screenshotAtPhoneAndDesktop(page, 'organiser-check-in');

	const csv = await page.request.get(`/organiser/events/${eventId}/attendees.csv`);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const body = await csv.text();
	expect(body.charCodeAt(0)).toBe(0xfeff);
	expect(body).toContain('Amara Okafor');
	expect(body).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);

	await ready(page, `/organiser/events/${eventId}/attendees/door-register`);
	await expect(page.getByRole('columnheader', { name: /^(Here|Session 1)/ })).toBeVisible();
	await expectNoAxeViolations(page);

	// A message is previewed, with the count, before it goes.
	await ready(page, `/organiser/events/${eventId}/attendees/message`);
	await expectNoAxeViolations(page);
	await page.getByLabel('People with a place').check();
	await page.getByLabel('Subject').fill('Parking at the club');
	await page.getByLabel('Message', { exact: true }).fill('The car park closes at 11pm.');
	await page.getByRole('button', { name: 'Preview message' }).click();
	await expect(page.getByText('This will go to 2 people.')).toBeVisible();
	await expectNoAxeViolations(page);
	const messageId = await page.locator('input[name="messageId"]').first().inputValue();
	await page.getByRole('button', { name: 'Send to 2 people' }).click();
	await expect(page.getByText('Your message is on its way to 2 people.')).toBeVisible();
	const aboutEvent = { event: Number(eventId) };
	for (const to of [amara.email, tricky.email]) {
		expect((await waitForMail(request, to, 'organiser-message', aboutEvent)).subject, to).toBe(
			'Parking at the club'
		);
	}
	// The same preview sent again (a second press, or the back button) sends nothing new.
	const again = await page.request.post(`/organiser/events/${eventId}/attendees/message?/send`, {
		form: {
			audience: 'confirmed',
			subject: 'Parking at the club',
			body: 'The car park closes at 11pm.',
			messageId
		},
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(again.status()).toBe(303);
	await ready(page, again.headers()['location']);
	await expect(
		page.getByText('That message had already been sent, so nothing new went out.')
	).toBeVisible();
	const amaraMail = await mailTo(request, amara.email);
	expect(
		amaraMail.filter((m) => m.idempotencyKey.startsWith(`organiser-message/${eventId}/`))
	).toHaveLength(1);

	// Cancelling takes it out of the member's calendar.
	await ready(page, `/organiser/events/${eventId}`);
	await page.getByRole('link', { name: 'Cancel event' }).click();
	await page.waitForLoadState('networkidle');
	await page.getByRole('button', { name: 'Cancel event' }).click();
	await expect(
		page.getByRole('link', { name: 'Enter the reason attendees will be told' })
	).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByLabel('Reason for cancelling').fill('The club has a burst pipe.');
	await page.getByRole('button', { name: 'Cancel event' }).click();
	await expect(page.getByText('The event is cancelled')).toBeVisible();
	const cancelled = parseInvite(
		(await waitForMail(request, amara.email, 'event-cancelled', aboutBooking)).calendar!.ics
	);
	expect(cancelled).toMatchObject({ method: 'CANCEL', uid: booked.uid });
	expect(cancelled.sequence).toBeGreaterThan(update.sequence);

	await page.goto(`/events/${slug}`);
	await expect(page.getByText('This event has been cancelled')).toBeVisible();

	// Still listed, marked Cancelled, with nothing to book.
	await ready(page, `/events?q=${encodeURIComponent(title)}`);
	const card = page.getByRole('article').filter({ hasText: title });
	await expect(card.getByText('Cancelled', { exact: true })).toBeVisible();
	await expect(card.getByText('Cancelled: no longer taking bookings')).toBeVisible();
	await expect(page.getByRole('link', { name: /Book a place|Join the waiting list/ })).toHaveCount(
		0
	);
	await expectNoAxeViolations(page);
	await screenshotAtPhoneAndDesktop(page, 'events-cancelled');

	await ready(page, '/organiser');
	await screenshotAtPhoneAndDesktop(page, 'organiser-dashboard');
});
