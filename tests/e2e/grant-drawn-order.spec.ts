// A winter fuel grant round decided in a drawn order, end to end: the welfare officer chooses the
// drawn order, members apply and are told every application made by the last day is treated the
// same, the round closes (the clock moved by writing its closing time), the order is drawn, the
// one beyond the budget is told their reserve number and cannot be approved, a decline ahead
// funds them and they are emailed, and the published draw checks out on its page and with
// `npm run ballot:verify`. It adds a round that opens after the demo's, so it runs in a project of
// its own once every other grant spec has finished (playwright.config.ts), and removes it after.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expectAccessibleAtBothWidths } from './support/layout.ts';
import { screenshotAtPhoneAndDesktop } from './support/screenshots.ts';
import { answerUpToEvidence, sendApplication } from './support/grant-application.ts';
import { waitForMail } from './support/mailbox.ts';
import { createMemberInGoodStanding } from './support/members.ts';
import { e2eDatabaseUrl, openE2eDatabase, port } from './support/server.ts';
import { sessionFor } from './support/sessions.ts';
import { createAccount, signInAsStaff } from './support/staff.ts';

const run = promisify(execFile);
const HOUR = 3_600_000;
test.describe.configure({ timeout: 180_000 });

async function sql(statement: string, args: (number | string)[]) {
	const { client } = openE2eDatabase();
	try {
		return await client.execute({ sql: statement, args });
	} finally {
		client.close();
	}
}

/** A member of the test's own sends an application to the open round; returns its reference. */
async function memberApplies(request: APIRequestContext, name: string) {
	const member = await createMemberInGoodStanding(name);
	const token = await sessionFor(member.email);
	await answerUpToEvidence(request, token, { paymentType: 'direct-debit', previousAward: 'yes' });
	return { member, token, reference: await sendApplication(request, token) };
}

async function memberPage(page: Page, token: string, path: string) {
	const context = await page.context().browser()!.newContext();
	await context.addCookies([{ name: 'session', value: token, url: `http://localhost:${port}` }]);
	const own = await context.newPage();
	await own.goto(path);
	return own;
}

/** The queue's row for the application itself (other rows may link to it as the same household). */
const applicationRow = (page: Page, reference: string) =>
	page
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: reference, exact: true }) });

test('a drawn round: the order drawn at the close, a reserve list, and a reserve funded after a decline', async ({
	page,
	request
}) => {
	const name = `Drawn Fuel Round ${Date.now()}`;
	// Opens a moment after the demo's round, so it is the one taking applications now.
	const created = await sql(
		`insert into grant_rounds (name, opens_at, closes_at, budget_pence, standard_award_pence,
			income_threshold_pence, savings_limit_pence, created_at)
		values (?1, (select coalesce(max(opens_at), ?2 - 1000) + 1 from grant_rounds where opens_at <= ?2),
			?3, 20000, 10000, 200000, 1600000, ?2) returning id`,
		[name, Date.now(), Date.now() + 48 * HOUR]
	);
	const roundId = Number(created.rows[0].id);
	try {
		const officer = await createAccount({
			name: 'Dara Draw',
			roles: ['welfare'],
			twoFactor: true,
			label: 'drawn-officer'
		});
		await signInAsStaff(page, officer, `/organiser/grants/rounds/${roundId}`);
		await page.getByLabel(/In an order drawn at the close/).check();
		await page.getByRole('button', { name: 'Save the order of decisions' }).click();
		await expect(page.getByText('Saved the order of decisions.')).toBeVisible();

		const applicants = [];
		for (const who of ['Ffion Drawn', 'Gus Drawn', 'Hana Drawn'])
			applicants.push(await memberApplies(request, who));
		const received = await waitForMail(request, applicants[0].member.email, 'grant-received', {
			application: applicants[0].reference
		});
		expect(received.text).toMatch(
			/Your application is in\. All applications made by \w{3} \d{1,2} \w{3} are treated the same; the order is drawn on \w{3} \d{1,2} \w{3}\./
		);
		const before = await memberPage(
			page,
			applicants[0].token,
			`/account/grants/${applicants[0].reference}`
		);
		await expect(before.getByText(/are treated the same; the order is drawn on/)).toBeVisible();
		await expectAccessibleAtBothWidths(before);

		// The clock reaches the close: the round closes now, after every application above was made
		// (one made after the close would rightly be left out of the draw).
		await sql('update grant_rounds set closes_at = ? where id = ?', [Date.now(), roundId]);
		await page.goto(`/organiser/grants/rounds/${roundId}`);
		const drawNow = page.getByRole('button', { name: 'Draw the order now' });
		// The background job may have drawn it first; either way it is drawn once.
		if (await drawNow.isVisible()) await drawNow.click();
		await expect(page.getByText(/The order was drawn on/)).toBeVisible();
		await expectAccessibleAtBothWidths(page);

		const places = await sql(
			`select a.reference, p.position, p.reserve_position as reserve from grant_draw_places p
			join grant_applications a on a.id = p.application_id where p.round_id = ? order by p.position`,
			[roundId]
		);
		const [first, second, reserve] = places.rows.map((r) => String(r.reference));
		expect(places.rows.map((r) => r.reserve)).toEqual([null, null, 1]);
		const reserveApplicant = applicants.find((a) => a.reference === reserve)!;
		const told = await waitForMail(request, reserveApplicant.member.email, 'grant-reserve-list', {
			application: reserve
		});
		expect(told.text).toContain('number 1 on the reserve list');
		const reservePage = await memberPage(
			page,
			reserveApplicant.token,
			`/account/grants/${reserve}`
		);
		await expect(reservePage.getByText(/it is number 1 on the reserve list/)).toBeVisible();

		await page.goto('/organiser/grants');
		await expect(applicationRow(page, first).getByText('Drawn 1')).toBeVisible();
		await expect(applicationRow(page, reserve).getByText('Drawn 3, reserve 1')).toBeVisible();
		await applicationRow(page, reserve).getByRole('link', { name: reserve, exact: true }).click();
		await expect(page.getByText(/number 1 on the reserve list/)).toBeVisible();
		await expect(page.getByRole('button', { name: 'Approve grant' })).toHaveCount(0);
		await expectAccessibleAtBothWidths(page);
		await screenshotAtPhoneAndDesktop(page, 'grant-drawn-reserve-decision');

		await page.goto('/organiser/grants');
		await applicationRow(page, second).getByRole('link', { name: second, exact: true }).click();
		await page.getByLabel('Reason').selectOption({ index: 2 });
		await page.getByRole('button', { name: 'Decline application' }).click();
		await expect(page.getByText('Declined. The member has been emailed')).toBeVisible();

		const funded = await waitForMail(
			request,
			reserveApplicant.member.email,
			'grant-reserve-funded',
			{
				application: reserve
			}
		);
		expect(funded.text).toContain(`now goes to your application ${reserve}`);
		await page.goto('/organiser/grants');
		await applicationRow(page, reserve).getByRole('link', { name: reserve, exact: true }).click();
		await expect(page.getByText(/within the budget/)).toBeVisible();
		await page.getByRole('button', { name: 'Approve grant' }).click();
		await expect(page.getByText('Approved. The member has been emailed.')).toBeVisible();

		await page.goto(`/grants/winter-fuel/draw/${roundId}`);
		await expect(page.getByText('Checked: it matches.')).toBeVisible();
		await expect(page.getByRole('listitem').filter({ hasText: /^Application \d+/ })).toHaveCount(3);
		await expect(page.locator('main')).not.toContainText(/Ffion|Gus|Hana|@|WFG-/);
		await expectAccessibleAtBothWidths(page);
		await screenshotAtPhoneAndDesktop(page, 'grant-drawn-order-public');
		const verified = await run(
			'node',
			['scripts/ballot-verify.ts', '--grant-round', String(roundId)],
			{
				env: { ...process.env, DATABASE_URL: e2eDatabaseUrl }
			}
		);
		expect(verified.stdout).toContain('It matches.');
	} finally {
		await sql('delete from grant_rounds where id = ?', [roundId]);
	}
});
