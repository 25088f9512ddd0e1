import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { parseInvite } from './support/invites.ts';
import { addConfirmedBooking, bookingUidOf, createTestEvent } from './support/events.ts';
import { mailTo, waitForMail } from './support/mailbox.ts';
import { createMemberInGoodStanding, signedInMember } from './support/members.ts';
import { PHONE, screenshotAtPhoneAndDesktop } from './support/screenshots.ts';
import { openE2eDatabase } from './support/server.ts';
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

/** What a stranger's posts must not change: the event row, and the emails queued about it. */
async function eventState(eventId: number) {
	const { client } = openE2eDatabase();
	try {
		const event = await client.execute({
			sql: 'select title, summary, capacity, sequence, updated_at from events where id = ?',
			args: [eventId]
		});
		const outbox = await client.execute({
			sql: "select count(*) as n from outbox where idempotency_key like 'organiser-message/' || ? || '/%'",
			args: [eventId]
		});
		const audit = await client.execute({
			sql: 'select count(*) as n from audit_log where subject_id = ?',
			args: [String(eventId)]
		});
		return { event: event.rows[0], messages: outbox.rows[0].n, audit: audit.rows[0].n };
	} finally {
		client.close();
	}
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
	await expectNoAxeViolations(page, { exclude: ['iframe[sandbox]'] });
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

test('an organiser cannot open, change or message an event they do not manage', async ({
	page,
	baseURL
}) => {
	const other = await createAccount({ name: 'Ruth Osei', roles: ['organiser'], twoFactor: true });
	await signInAsStaff(page, other, '/organiser');
	await expect(page.getByText('You have no upcoming events.')).toBeVisible();
	const notTheirs = await createTestEvent({ title: 'Someone else’s social', capacity: 5 });
	const eventPath = `/organiser/events/${notTheirs.id}`;
	const before = await eventState(notTheirs.id);

	for (const path of ['', '/attendees', '/attendees/message']) {
		const response = await page.goto(`${eventPath}${path}`);
		expect(response?.status(), path || 'edit page').toBe(404);
	}
	const csv = await page.request.get(`${eventPath}/attendees.csv`);
	expect(csv.status()).toBe(404);

	// Posted straight at the actions, from this site, with a complete and valid-looking form.
	const post = (path: string, form: Record<string, string>) =>
		page.request.post(`${eventPath}${path}`, {
			form,
			headers: { origin: baseURL! },
			maxRedirects: 0
		});
	const edits = await post('?/save', {
		title: 'Taken over',
		category: 'celebration',
		summary: 'Changed by someone who does not manage it',
		description: 'Changed',
		capacity: '1'
	});
	const messageForm = {
		audience: 'all',
		subject: 'Not from the organisers',
		body: 'This should never be sent.',
		messageId: 'e2e-not-mine'
	};
	const preview = await post('/attendees/message?/preview', messageForm);
	const send = await post('/attendees/message?/send', messageForm);
	for (const response of [edits, preview, send]) {
		expect([403, 404]).toContain(response.status());
		expect(await response.text()).not.toContain('Not from the organisers');
	}
	expect(await eventState(notTheirs.id)).toEqual(before);
});

test('an admin takes a course register, prints a release letter, gets no certificate before the course ends, and finds it in the audit log', async ({
	page
}) => {
	const admin = await createAccount({ name: 'Grace Adeyemi', roles: ['admin'], twoFactor: true });
	const course = await createTestEvent({ title: 'Reps’ health and safety course', capacity: 5 });
	const name = 'Kofi Mensah';
	await addConfirmedBooking(course.id, (await createMemberInGoodStanding(name)).id);
	await signInAsStaff(page, admin, '/organiser');
	const eventId = course.id;
	await ready(page, `/organiser/events/${eventId}/attendees`);
	await page.getByRole('link', { name: `Release letter for ${name}` }).click();
	await expect(
		page.getByRole('heading', { name: 'Request for paid release for trade union training' })
	).toBeVisible();
	await expect(page.getByText(name).first()).toBeVisible();
	await expectNoAxeViolations(page);

	await ready(page, `/organiser/events/${eventId}/attendees`);
	await page.getByRole('button', { name: `Check in ${name}` }).click();
	await expect(page.getByRole('button', { name: `Undo check-in for ${name}` })).toBeVisible();
	// The course has not ended, so there is no certificate yet (documents.spec.ts prints one).
	await expect(page.getByRole('link', { name: `Certificate for ${name}` })).toHaveCount(0);

	await ready(page, `/admin/audit?event=${eventId}`);
	await expect(page.getByRole('cell', { name: /^checked in / })).toBeVisible();
	await expectNoAxeViolations(page);
	await screenshotAtPhoneAndDesktop(page, 'admin-audit');
});
