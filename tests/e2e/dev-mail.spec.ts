import { expect, test } from '@playwright/test';
import ICAL from 'ical.js';
import { readFile } from 'node:fs/promises';
import { buildBookingInvite } from '../../src/lib/server/calendar/booking-invite.ts';
import { queueEmail } from '../../src/lib/server/email/outbox.ts';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { screenshotAtPhoneAndDesktop } from './support/screenshots.ts';
import { openE2eDatabase } from './support/server.ts';

test('a queued email reaches the dev mailbox through the worker, with its invite and raw message', async ({
	page,
	request
}) => {
	const recipient = `dev-mail-${Date.now()}@example.org`;
	const { db, client } = openE2eDatabase();
	const invite = buildBookingInvite({
		method: 'REQUEST',
		bookingId: 9001,
		sequence: 0,
		event: {
			title: 'Equal pay: know your rights',
			summary: 'An evening session.',
			venueName: 'Branch office, Bank House',
			venueAddress: '8 Cherry Street, Birmingham',
			venuePostcode: 'B2 5AL',
			accessNotes: null,
			onlineUrl: null
		},
		session: {
			id: 1,
			startsAt: new Date('2027-01-14T18:00:00Z'),
			endsAt: new Date('2027-01-14T20:30:00Z'),
			number: 1,
			of: 1
		},
		organizer: { email: 'events@branchdesk.example', name: 'Birmingham City Branch' },
		attendee: { email: recipient, name: 'Test Member' },
		manageUrl: 'http://localhost:4173/account/bookings',
		calendarDomain: 'localhost',
		branchName: 'Birmingham City Branch'
	});
	await queueEmail(db, {
		idempotencyKey: `e2e/${recipient}`,
		to: { email: recipient, name: 'Test Member' },
		template: 'booking-confirmed',
		subject: 'Your place on Equal pay: know your rights',
		text: 'Your place is booked.',
		html: '<p>Your place is <strong>booked</strong>.</p>',
		calendar: invite
	});
	client.close();

	await expect(async () => {
		const mail = await (await request.get(`/dev/mail.json?to=${recipient}`)).json();
		expect(mail).toHaveLength(1);
		expect(mail[0]).toMatchObject({
			to: recipient,
			subject: 'Your place on Equal pay: know your rights',
			calendar: { method: 'REQUEST' }
		});
	}).toPass({ timeout: 10_000 });

	await page.goto(`/dev/mail?to=${recipient}`);
	await expect(page.getByRole('note')).toContainText('every message');
	await expect(page.getByRole('heading', { level: 2 })).toHaveText(
		'Your place on Equal pay: know your rights'
	);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download the invite (.ics)' }).click()
	]);
	const ics = await readFile(await download.path(), 'utf8');
	const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
	expect(vevent.getFirstPropertyValue('uid')).toBe('booking-9001-session-1@localhost');

	const eml = await request.get(
		(await page
			.getByRole('link', { name: 'Download the whole message (.eml)' })
			.getAttribute('href'))!
	);
	expect(await eml.text()).toMatch(/text\/calendar; charset=utf-8; method=REQUEST/i);

	await expectNoAxeViolations(page);
	await screenshotAtPhoneAndDesktop(page, 'dev-mail');
});
