// Organisers' own booking questions, end to end: the organiser adds a required choice and a
// sensitive free-text question, members answer them, the attendee list filters by answer, the
// spreadsheet has a column for each, another organiser sees none of it, and the sensitive answer
// is erased 30 days after the event by the retention job run with its clock set then.
import { strFromU8, unzipSync } from 'fflate';
import { expect, test, type Browser } from '@playwright/test';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createTestEvent } from './support/events.ts';
import { expectAccessibleAtBothWidths } from './support/layout.ts';
import { screenshotAtPhoneAndDesktop } from './support/screenshots.ts';
import { createMemberInGoodStanding, MEMBER_PASSWORD } from './support/members.ts';
import { e2eDatabaseUrl, openE2eDatabase, port } from './support/server.ts';
import { sessionFor } from './support/sessions.ts';
import { createAccount, signIn, signInAsStaff } from './support/staff.ts';

test.describe.configure({ timeout: 180_000 });

const SHIFT = 'Which shift pattern do you work?';
const HEALTH = 'Is there a health condition we should plan for?';
const DAY = 24 * 3_600_000;

async function memberBooks(
	browser: Browser,
	slug: string,
	name: string,
	answer: (page: import('@playwright/test').Page) => Promise<void>,
	checkErrors = false
) {
	const member = await createMemberInGoodStanding(name);
	const page = await (await browser.newContext()).newPage();
	await page.goto('/login');
	await signIn(page, member.email, MEMBER_PASSWORD);
	await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
	await page.goto(`/events/${slug}/book`);
	if (checkErrors) {
		await page.getByRole('button', { name: 'Confirm booking' }).click();
		const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
		await expect(summary).toContainText(`Select an answer to ‘${SHIFT}’`);
		await expect(page.locator('#q-1-error, [id$="-error"]').first()).toBeVisible();
		await expectAccessibleAtBothWidths(page);
	}
	await answer(page);
	await page.getByRole('button', { name: 'Confirm booking' }).click();
	await expect(page.getByText('Your place is booked.')).toBeVisible();
	await page.context().close();
	return member;
}

test('an organiser asks their own questions, sees the answers, and sensitive ones are erased after the event', async ({
	page,
	browser,
	request
}) => {
	const organiser = await createAccount({
		name: 'Owen Organiser',
		roles: ['organiser'],
		twoFactor: true
	});
	const event = await createTestEvent({
		title: 'Picket rota briefing',
		capacity: 10,
		organiserId: organiser.id
	});
	await signInAsStaff(page, organiser, `/organiser/events/${event.id}`);

	// A list question with nothing chosen gets messages by the fields.
	await page.getByLabel('One choice from a list').check();
	await page.getByRole('button', { name: 'Add question' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
		'Enter the question'
	);
	await expect(page.getByRole('alert')).toContainText('Enter at least 2 choices');

	await page.getByLabel('Question', { exact: true }).fill(SHIFT);
	await page.getByLabel('Choices', { exact: true }).fill('Days\nNights\nRotating');
	await page.getByLabel('Members must answer it').check();
	await page.getByRole('button', { name: 'Add question' }).click();
	await expect(page.getByRole('status')).toHaveText(`Question added: ‘${SHIFT}’.`);

	await page.getByLabel('Long text').check();
	await page.getByLabel('Question', { exact: true }).fill(HEALTH);
	await page.getByLabel('Sensitive', { exact: true }).check();
	await page.getByRole('button', { name: 'Add question' }).click();
	await expect(page.getByRole('status')).toHaveText(`Question added: ‘${HEALTH}’.`);
	await expect(page.locator('.questions li')).toHaveCount(2);
	await expectAccessibleAtBothWidths(page);
	await screenshotAtPhoneAndDesktop(page, 'booking-question-editor');

	const nadia = await memberBooks(
		browser,
		event.slug,
		'Nadia Shift',
		async (p) => {
			await p.getByLabel('Nights').check();
			await p.getByLabel(HEALTH).fill('Asthma: I may need to step outside');
		},
		true
	);
	await memberBooks(browser, event.slug, 'Dev Daylight', async (p) => {
		await p.getByLabel('Days').check();
	});

	// The member sees their own answers on their bookings page.
	const memberPage = await (await browser.newContext()).newPage();
	await memberPage.goto('/login');
	await signIn(memberPage, nadia.email, MEMBER_PASSWORD);
	await expect(memberPage.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
	await memberPage.goto('/account/bookings');
	await memberPage.getByText('Your answers').click();
	await expect(memberPage.locator('.answers')).toContainText('Asthma: I may need to step outside');
	await expectAccessibleAtBothWidths(memberPage);
	const zip = await (await memberPage.request.get('/account/my-data.zip')).body();
	const files = unzipSync(new Uint8Array(zip));
	const readable = Object.keys(files).find((name) => name.endsWith('/your-data.html'))!;
	// The readable page shows the answer under the question's wording.
	expect(strFromU8(files[readable])).toContain(`<dt>${SHIFT}</dt><dd>Nights</dd>`);
	await memberPage.context().close();

	// The attendee list filters by answer.
	await page.goto(`/organiser/events/${event.id}/attendees`);
	await page.getByLabel('Answered').selectOption({ label: `${SHIFT} Nights` });
	await page.getByRole('button', { name: 'Search' }).click();
	const people = page.locator('.people li');
	await expect(people).toHaveCount(1);
	await expect(people).toContainText('Nadia Shift');
	await expect(people).toContainText(`${HEALTH} Asthma: I may need to step outside`);
	await expectAccessibleAtBothWidths(page);
	await screenshotAtPhoneAndDesktop(page, 'attendees-with-answers');

	// The spreadsheet has a column for each question.
	const csv = await (await page.request.get(`/organiser/events/${event.id}/attendees.csv`)).text();
	const [header, ...rows] = csv
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n');
	expect(header.endsWith(`,${SHIFT},${HEALTH}`)).toBe(true);
	expect(rows.find((r) => r.startsWith('Nadia Shift'))).toMatch(
		/,Nights,Asthma: I may need to step outside$/
	);
	expect(rows.find((r) => r.startsWith('Dev Daylight'))).toMatch(/,Days,$/);

	// Another organiser, who does not manage the event, sees none of it.
	const stranger = await createAccount({
		name: 'Sam Stranger',
		roles: ['organiser'],
		twoFactor: true
	});
	const cookie = `session=${await sessionFor(stranger.email)}`;
	// The event page, its attendee list, spreadsheet, door register and each attendee's own pages.
	const paths = [
		'',
		'/attendees',
		'/attendees.csv',
		'/attendees?answer=1%3ANights',
		'/attendees/door-register',
		`/attendees/${nadia.id}/certificate`,
		`/attendees/${nadia.id}/release-letter`
	];
	for (const path of paths) {
		const answer = await request.get(`/organiser/events/${event.id}${path}`, {
			headers: { cookie },
			maxRedirects: 0
		});
		expect(answer.status(), path).toBe(404);
		expect(await answer.text()).not.toContain('Asthma');
	}
	const post = await request.post(`/organiser/events/${event.id}?/hideQuestion`, {
		headers: { cookie, origin: `http://localhost:${port}` },
		form: { question: '1' },
		maxRedirects: 0
	});
	expect(post.status()).toBe(404);

	// Thirty days after the event, the retention job erases the sensitive answer only.
	const { client } = openE2eDatabase();
	const ends = Number(
		(await client.execute({ sql: 'select ends_at from events where id = ?', args: [event.id] }))
			.rows[0].ends_at
	);
	client.close();
	await runRetentionAt(new Date(ends + 29 * DAY));
	await page.reload();
	await expect(people).toContainText('Asthma');
	await runRetentionAt(new Date(ends + 31 * DAY));
	await page.reload();
	await expect(people).toHaveCount(1);
	await expect(people).toContainText(`${SHIFT} Nights`);
	await expect(people).not.toContainText('Asthma');
});

/** The retention job, run in its own process against the test server's database at `now`. */
async function runRetentionAt(now: Date) {
	const script = `import { eraseExpiredAnswers } from './src/lib/server/bookings/retention.ts';
		await eraseExpiredAnswers(new Date(${now.getTime()}));`;
	await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
		env: {
			...process.env,
			DATABASE_URL: e2eDatabaseUrl,
			ORIGIN: `http://localhost:${port}`,
			WORKERS: 'off'
		}
	});
}
