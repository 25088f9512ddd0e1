// A course given by ballot, end to end: the organiser sets the window, members enter (one
// withdraws), entries close, the organiser runs the draw, winners get calendar invitations a
// third-party parser reads, the others see their place on the waiting list, and the published
// draw checks out on its page and with `npm run ballot:verify`.
import { expect, test, type Browser } from '@playwright/test';
import ICAL from 'ical.js';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { toLondonIso } from '../../src/lib/london-time.ts';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { bookingUidOf, createTestEvent } from './support/events.ts';
import { waitForMail } from './support/mailbox.ts';
import { createMemberInGoodStanding, MEMBER_PASSWORD, signIn } from './support/members.ts';
import { e2eDatabaseUrl, openE2eDatabase } from './support/server.ts';
import { createAccount, signInAsStaff } from './support/staff.ts';

const run = promisify(execFile);
const DAY = 86_400_000;
test.describe.configure({ timeout: 180_000 });

async function memberPage(browser: Browser, email: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto('/login');
	await signIn(page, email, MEMBER_PASSWORD);
	await expect(page).toHaveURL(/\/account/);
	return page;
}

/** Entries close a moment ago, as if the window's time had come; the scheduled draw stays later. */
async function closeEntries(eventId: number) {
	const { client } = openE2eDatabase();
	await client.execute({
		sql: 'update event_ballots set entries_close_at = ?, draw_at = ? where event_id = ?',
		args: [Date.now() - 1000, Date.now() + DAY, eventId]
	});
	client.close();
}

test('members enter a ballot, one withdraws, the draw gives the places and anyone can check it', async ({
	page,
	browser,
	request
}) => {
	const organiser = await createAccount({
		name: 'Olu Organiser',
		roles: ['organiser'],
		twoFactor: true,
		label: 'ballot-organiser'
	});
	const event = await createTestEvent({
		title: 'Ballot Reps Course',
		capacity: 2,
		organiserId: organiser.id,
		startsInDays: 30
	});
	await signInAsStaff(page, organiser, `/organiser/events/${event.id}`);

	const [opens, closes] = [
		toLondonIso(new Date(Date.now() - DAY)),
		toLondonIso(new Date(Date.now() + 2 * DAY))
	];
	await page.getByLabel('Ballot: members enter during a window, places are drawn').check();
	await page.getByLabel('Entries open (date)').fill(opens.slice(0, 10));
	await page.getByLabel('at (time)').nth(2).fill(opens.slice(11));
	await page.getByLabel('Entries close (date)').fill(closes.slice(0, 10));
	await page.getByLabel('at (time)').nth(3).fill(closes.slice(11));
	await page.getByRole('button', { name: 'Save how places are given' }).click();
	await expect(page.getByText('Saved how places are given.')).toBeVisible();

	const names = ['Ama Ballot', 'Bea Ballot', 'Cai Ballot', 'Dee Ballot', 'Eli Ballot'];
	const members = await Promise.all(names.map((n) => createMemberInGoodStanding(n)));
	const pages = [];
	for (const [i, member] of members.entries()) {
		const memberView = await memberPage(browser, member.email);
		await memberView.goto(`/events/${event.slug}`);
		await expect(
			memberView.getByText(
				/Enter the ballot: entries close .*\. Places are drawn at .* and everyone hears by email\./
			)
		).toBeVisible();
		await memberView.getByRole('link', { name: 'Enter the ballot' }).click();
		if (i === 0) await expectNoAxeViolations(memberView);
		await memberView.getByRole('button', { name: 'Enter the ballot' }).click();
		await expect(
			memberView.getByRole('heading', { name: 'You have entered the ballot' })
		).toBeVisible();
		await expect(memberView.getByText(`Your entry number is ${i + 1}`)).toBeVisible();
		if (i === 0) await expectNoAxeViolations(memberView);
		const confirmation = await waitForMail(request, member.email, 'ballot-entered');
		expect(confirmation.text).toContain(`Entry number: ${i + 1}`);
		expect(confirmation.calendar).toBeNull();
		pages.push(memberView);
	}

	const leaving = pages[4];
	await leaving.goto(`/events/${event.slug}`);
	await leaving.getByRole('link', { name: 'Withdraw my entry' }).click();
	await expectNoAxeViolations(leaving);
	await leaving.getByRole('button', { name: 'Withdraw my entry' }).click();
	await expect(leaving.getByText('Entry 5 is withdrawn.')).toBeVisible();

	await page.goto(`/events/${event.slug}/ballot`);
	await expect(page.getByText(/^[0-9a-f]{64}$/)).toBeVisible();
	await expectNoAxeViolations(page);

	await closeEntries(event.id);
	await page.goto(`/organiser/events/${event.id}`);
	await expect(page.getByText('4 entries so far.')).toBeVisible();
	await page.getByRole('button', { name: 'Run the draw now' }).click();
	await expect(page.getByText('The draw has run')).toBeVisible();

	let winners = 0;
	for (const [i, member] of members.slice(0, 4).entries()) {
		await pages[i].goto(`/events/${event.slug}`);
		const waiting = pages[i].getByText(/You are number \d on the waiting list\./);
		if (await pages[i].getByText('You have a place.').isVisible()) {
			winners++;
			const mail = await waitForMail(request, member.email, 'booking-confirmed', {
				booking: await bookingUidOf(event.id, member.id)
			});
			const ics = mail.calendar!.ics;
			const calendar = new ICAL.Component(ICAL.parse(ics));
			expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
			expect(calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('summary')).toBe(
				'Ballot Reps Course'
			);
		} else {
			await expect(waiting).toBeVisible();
			const mail = await waitForMail(request, member.email, 'ballot-waitlisted', {
				booking: await bookingUidOf(event.id, member.id)
			});
			expect(mail.subject).toBe('Ballot result: Ballot Reps Course');
		}
	}
	expect(winners).toBe(2);

	await page.goto(`/events/${event.slug}/ballot`);
	await expect(page.getByText('Checked: it matches.')).toBeVisible();
	await expect(page.locator('ol.order li')).toHaveCount(4);
	await expectNoAxeViolations(page);
	await page.setViewportSize({ width: 320, height: 800 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

	const verify = await run('node', ['scripts/ballot-verify.ts', event.slug], {
		env: { ...process.env, DATABASE_URL: e2eDatabaseUrl }
	});
	expect(verify.stdout).toContain('It matches.');
});
