// Markup, formulas and calendar syntax typed into every field people control (event text,
// names, booking answers, messages, grant answers) come out as the same text everywhere: in
// pages, in emails, in the attendee spreadsheet and in calendar files (grant answers in
// escaping-grants.spec.ts).
import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { bookingUidOf } from './support/events.ts';
import { postForm } from './support/form-body.ts';
import { waitForMail } from './support/mailbox.ts';
import {
	expectEmailShowsText,
	expectFoldedLines,
	expectShownAsText,
	visitShowingText,
	MARKUP,
	parseEvents,
	rawProperty
} from './support/markup-checks.ts';
import { createMemberInGoodStanding } from './support/members.ts';
import { openE2eDatabase } from './support/server.ts';
import { pageSignedInWith, sessionFor } from './support/sessions.ts';
import { createAccount } from './support/staff.ts';

test.describe.configure({ mode: 'serial', timeout: 90_000 });

const stamp = Date.now();
const TITLE = `Social ${MARKUP} tea, cake; back\\slash ${stamp}`;
const DESCRIPTION = `First line ${MARKUP}\nSecond line: “quotes”, emoji 👩‍👩‍👧‍👦 and ${'é'.repeat(60)}`;
const VENUE = `Hall ${MARKUP}; Room 1, Floor 2`;
const ACCESS = `Ramp at the side 👩‍👩‍👧‍👦; ${MARKUP}`;
// A bell and a NUL pasted in: no calendar file may carry them, nor may they cut the text short.
const CONTROL = '\u0007\u0000';
const DIETARY = `=cmd|' /C calc'!A0 ${MARKUP}`;
// One member for each way a spreadsheet cell can start a formula.
const NAMES = [
	`Ann ${MARKUP}`,
	'=HYPERLINK("http://evil.example","Bob")',
	'+44 Carol',
	'-1 Dan',
	'@SUM(1) Eve',
	'\tTab Fay',
	'\rReturn Gus'
];

let organiserToken = '';
let eventId = 0;
let slug = '';
let ann = { email: '', token: '', id: 0 };

test.beforeAll(async ({ request }) => {
	const organiser = await createAccount({
		name: 'Escaping Organiser',
		roles: ['organiser'],
		twoFactor: true
	});
	organiserToken = await sessionFor(organiser.email);
	const day = new Date(Date.now() + 150 * 24 * 3_600_000).toISOString().slice(0, 10);
	const created = await postForm(
		request,
		'/organiser/events/new?/publish',
		{
			title: TITLE,
			category: 'celebration',
			summary: `Summary${CONTROL} ${MARKUP}`,
			description: DESCRIPTION,
			venueName: VENUE,
			venueAddress: '1 Broad Street, Birmingham',
			venuePostcode: 'B1 2HF',
			accessNotes: `Ramp at the side${CONTROL} 👩‍👩‍👧‍👦; ${MARKUP}`,
			capacity: '20',
			guestsAllowed: '0',
			askAccessNeeds: 'yes',
			askDietary: 'yes',
			askEmployer: 'yes',
			sessionRows: '1',
			'session-0-date': day,
			'session-0-start': '18:30',
			'session-0-end': '21:00'
		},
		organiserToken
	);
	eventId = Number(/\/organiser\/events\/(\d+)/.exec(created.headers()['location'] ?? '')?.[1]);
	expect(eventId, `the event was published: ${created.status()}`).toBeGreaterThan(0);
	const { client } = openE2eDatabase();
	slug = String(
		(await client.execute({ sql: 'select slug from events where id = ?', args: [eventId] })).rows[0]
			.slug
	);
	client.close();

	for (const name of NAMES) {
		const member = await createMemberInGoodStanding(name);
		const token = await sessionFor(member.email);
		if (name === NAMES[0]) {
			ann = { email: member.email, token, id: member.id };
			continue;
		}
		const booked = await postForm(
			request,
			`/events/${slug}/book`,
			{ eventId: String(eventId) },
			token
		);
		expect(booked.status()).toBe(303);
	}
});

test('a member books with answers typed as markup, and every page shows the text as typed', async ({
	browser
}) => {
	const member = await pageSignedInWith(browser, ann.token);
	await member.goto(`/events/${slug}/book`);
	await member.waitForLoadState('networkidle');
	await member.getByLabel('Anything else about access').fill(ACCESS);
	await member.getByLabel('Dietary needs').fill(DIETARY);
	await member.getByLabel('Employer').fill(`Acme; "Ltd", ${MARKUP}`);
	await member.getByRole('button', { name: 'Confirm booking' }).click();
	await expect(member.getByText('Your place is booked.')).toBeVisible();
	await expectShownAsText(member, [TITLE]);
	await visitShowingText(member, `/events/${slug}`, [TITLE, 'First line', MARKUP, VENUE, ACCESS]);
	await visitShowingText(member, `/events?q=${encodeURIComponent(String(stamp))}`, [TITLE]);

	const organiser = await pageSignedInWith(browser, organiserToken);
	await visitShowingText(organiser, `/organiser/events/${eventId}/attendees`, [
		NAMES[0],
		NAMES[1],
		DIETARY
	]);
	await visitShowingText(organiser, `/organiser/events/${eventId}/attendees/door-register`, [
		NAMES[0],
		ACCESS
	]);
	await visitShowingText(organiser, `/organiser/events/${eventId}/preview`, [TITLE, VENUE]);
	await visitShowingText(organiser, '/organiser', [TITLE]);
});

test('emails escape markup: the booking confirmation and an organiser’s message', async ({
	browser,
	request
}) => {
	const confirmation = await waitForMail(request, ann.email, 'booking-confirmed', {
		booking: await bookingUidOf(eventId, ann.id)
	});
	expect(confirmation.subject).toContain(TITLE);
	expect(confirmation.html).not.toContain(MARKUP);
	await expectEmailShowsText(browser, confirmation.html, [TITLE]);

	const organiser = await pageSignedInWith(browser, organiserToken);
	await organiser.goto(`/organiser/events/${eventId}/attendees/message`);
	await organiser.waitForLoadState('networkidle');
	await organiser.getByLabel('People with a place').check();
	await organiser.getByLabel('Subject').fill(`Change ${MARKUP}`);
	await organiser.getByLabel('Message').fill(`Bring ${MARKUP}\n\nSee you; "soon"`);
	await organiser.getByRole('button', { name: 'Preview message' }).click();
	const preview = organiser.frameLocator(
		'iframe[title="The email as the first person will see it"]'
	);
	await expect(preview.locator('body')).toContainText(`Bring ${MARKUP}`);
	expect(await preview.locator('img[src="x"]').count()).toBe(0);
	await organiser.getByRole('button', { name: /^Send to/ }).click();
	const message = await waitForMail(request, ann.email, 'organiser-message', { event: eventId });
	expect(message.subject).toBe(`Change ${MARKUP}`);
	expect(message.text).toContain(`Bring ${MARKUP}`);
	await expectEmailShowsText(browser, message.html, [
		`Change ${MARKUP}`,
		`Bring ${MARKUP}`,
		NAMES[0]
	]);
});

test('the attendee spreadsheet keeps formulas as text', async ({ request }) => {
	const response = await request.get(`/organiser/events/${eventId}/attendees.csv`, {
		headers: { cookie: `session=${organiserToken}` }
	});
	expect(response.status()).toBe(200);
	const rows: string[][] = parse((await response.text()).replace(/^\uFEFF/, ''), {
		relax_column_count: true
	});
	const cells = rows.flat();
	expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
	for (const name of NAMES.slice(1)) expect(cells).toContain(`'${name}`);
	expect(cells).toContain(`'${DIETARY}`);
	expect(cells).toContain(NAMES[0]);
});

test('calendar files escape commas, semicolons, backslashes and line breaks, and fold long lines', async ({
	request
}) => {
	const publicIcs = await (await request.get(`/events/${slug}/calendar.ics`)).text();
	const booking = await bookingUidOf(eventId, ann.id);
	const invite = (await waitForMail(request, ann.email, 'booking-confirmed', { booking })).calendar!
		.ics;
	// The bookings page gives the member their personal feed's address.
	await request.get('/account/bookings', { headers: { cookie: `session=${ann.token}` } });
	const { client } = openE2eDatabase();
	const feed = await client.execute({
		sql: 'select calendar_feed_token from users where email = ?',
		args: [ann.email]
	});
	client.close();
	const member = await (
		await request.get(`/calendar/${feed.rows[0].calendar_feed_token}.ics`)
	).text();
	for (const ics of [publicIcs, invite, member]) {
		expectFoldedLines(ics);
		expect(rawProperty(ics, 'SUMMARY')).toContain('tea\\, cake\\; back\\\\slash');
		const [event] = parseEvents(ics);
		expect(event.summary.startsWith(TITLE)).toBe(true);
		expect(event.location).toContain(VENUE);
	}
	const [published] = parseEvents(publicIcs);
	expect(published.description).toContain(`Summary ${MARKUP}`);
	expect(published.description).toContain(`Access: ${ACCESS}`);
});
