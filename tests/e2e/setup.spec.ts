// A real branch's first run: from the start command's setup code on an empty database to a
// signed-in admin with two-factor, whose branch settings then show up everywhere they belong.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { DESKTOP, PHONE, screenshotAtPhoneAndDesktop } from './support/screenshots.ts';
import { codeFor } from './support/staff.ts';
import {
	addEventsFor,
	startFreshBranch,
	userIdOf,
	type FreshBranch
} from './support/fresh-branch.ts';
import type { DevMail } from './support/mailbox.ts';

test.describe.configure({ mode: 'serial', timeout: 300_000 });

// One browser page for the whole story: the admin stays signed in from test to test.
let branch: FreshBranch;
let page: Page;
test.beforeAll(async ({ browser }) => {
	branch = await startFreshBranch();
	// axe needs a page of a context made with newContext.
	page = await (await browser.newContext()).newPage();
});
test.afterAll(async () => {
	await page?.context().close();
	branch?.stop();
});

const ADMIN = {
	name: 'Ruth Adeyemi',
	email: 'ruth.adeyemi@leeds-central.example',
	password: 'copper kettle lantern 47'
};
const SETTINGS = {
	'Branch name': 'Leeds Central Branch',
	'Branch office postal address': 'Unity House\n12 Park Row\nLeeds\nLS1 5AB',
	'Office phone': '0113 496 0123',
	'Office email': 'office@leeds-central.example',
	'Opening hours': 'Tuesday and Thursday, 10am to 4pm',
	Website: 'https://leeds-central.example',
	'Data protection contact': 'The branch secretary, secretary@leeds-central.example',
	'Name of the person who signs letters and certificates': 'Kofi Mensah',
	'Their role': 'Branch Education Officer',
	'Welfare contact for the winter fuel grant': 'Ana Silva, 0113 496 0124'
};

/** axe at phone and desktop width, and nothing wider than a 320 px screen. */
async function expectAccessibleAtBothWidths(page: Page) {
	await page.setViewportSize(PHONE);
	await expectNoAxeViolations(page);
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, 'no sideways scrolling at 320 px').toBeLessThanOrEqual(PHONE.width);
	await page.setViewportSize(DESKTOP);
	await expectNoAxeViolations(page);
}

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

test('the setup code makes the first admin, with two-factor, who fills in the branch settings', async () => {
	expect(branch.output()).toContain('/setup');
	await page.goto(`${branch.origin}/login`);
	await expect(page).toHaveURL(`${branch.origin}/setup`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText("Set up your branch's desk");
	await expectAccessibleAtBothWidths(page);
	await screenshotAtPhoneAndDesktop(page, 'setup');

	await page.getByLabel('Setup code').fill('abcd-efgh-ijkm-npqr-stuv');
	await page.getByLabel('Your full name').fill(ADMIN.name);
	await page.getByLabel('Your email').fill(ADMIN.email);
	await page.getByLabel('Password').fill(ADMIN.password);
	await page.getByRole('button', { name: 'Create admin account' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter the setup code the start command');
	await expect(page.getByLabel('Your email')).toHaveValue(ADMIN.email);
	await expectAccessibleAtBothWidths(page);

	await page.getByLabel('Setup code').fill(branch.setupCode);
	await page.getByLabel('Password').fill(ADMIN.password);
	await page.getByRole('button', { name: 'Create admin account' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up two-factor sign-in');
	const key = await page.locator('#setup-key').innerText();
	await page.getByLabel('Code from your authenticator app').fill(codeFor(key));
	await page.getByRole('button', { name: 'Turn on two-factor' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Save your recovery codes');
	await expect(
		page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')
	).toHaveCount(10);
	await page.getByRole('link', { name: 'Continue' }).click();

	await expect(page).toHaveURL(`${branch.origin}/admin/settings?setup=1`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText("Your branch's details");
	await expectAccessibleAtBothWidths(page);

	await page.getByLabel('Branch name').fill(SETTINGS['Branch name']);
	await page.getByLabel('Office phone').fill('call us');
	await page.getByLabel('Office email').fill('office at leeds');
	await page.getByLabel('Website').fill('leeds-central');
	await page.getByRole('button', { name: 'Save branch settings' }).click();
	const summary = page.getByRole('alert');
	await expect(summary.getByRole('link')).toHaveText([
		'Enter a phone number, like 0121 496 0000 or +44 121 496 0000',
		'Enter an email address in the correct format, like office@example.org',
		"Enter the website's full address, starting https://, like https://www.example.org"
	]);
	await expect(page.getByLabel('Office phone')).toHaveValue('call us');
	await expectAccessibleAtBothWidths(page);
	await screenshotAtPhoneAndDesktop(page, 'branch-settings-errors');

	for (const [label, value] of Object.entries(SETTINGS)) await page.getByLabel(label).fill(value);
	await page.getByRole('button', { name: 'Save branch settings' }).click();
	await expect(page).toHaveURL(`${branch.origin}/admin`);
	await screenshotAtPhoneAndDesktop(page, 'admin-checklist');

	// The setup page is gone once an admin exists.
	const gone = await page.request.get(`${branch.origin}/setup`);
	expect(gone.status()).toBe(404);
});

test('the checklist shows what is done, and a test email goes out through the outbox', async () => {
	await page.goto(`${branch.origin}/admin`);
	const item = (name: string) =>
		page
			.getByRole('region', { name: 'Setting up the desk' })
			.getByRole('listitem')
			.filter({ has: page.getByRole('heading', { name, exact: true }) });
	await expect(item('Branch details')).toContainText('Done');
	await expect(item('Membership list')).toContainText('Not imported yet');
	await expect(item('Membership list').getByRole('link')).toHaveAttribute('href', '/admin/members');
	await expect(item('Grant data key')).toContainText('To do');
	await expect(item('Email')).toContainText('No test email sent yet');

	await page.getByRole('button', { name: 'Send a test email' }).click();
	await expect(page.locator('#test-email-outcome')).toContainText(
		`Test email to ${ADMIN.email}: sent`
	);
	await expectAccessibleAtBothWidths(page);

	const nav = page.getByRole('navigation', { name: 'Admin' });
	for (const name of ['Users', 'Membership list', 'Branch settings', 'Email outbox', 'Audit log']) {
		await expect(nav.getByRole('link', { name })).toBeVisible();
	}

	// An empty staff desk says what to do first, instead of empty charts and a table of zeros.
	await page.goto(`${branch.origin}/organiser`);
	const steps = page.getByRole('region', { name: 'First steps' });
	await expect(steps.getByRole('link', { name: 'Import the membership list' })).toHaveAttribute(
		'href',
		'/admin/members'
	);
	await expect(steps.getByRole('link', { name: 'Create an event' })).toHaveAttribute(
		'href',
		'/organiser/events/new'
	);
	await expect(page.getByRole('heading', { name: 'Past events' })).toHaveCount(0);
	await expect(page.getByRole('main').getByRole('table')).toHaveCount(0);
	await expect(page.getByRole('main').locator('svg')).toHaveCount(0);
	await expectAccessibleAtBothWidths(page);
	await screenshotAtPhoneAndDesktop(page, 'staff-desk-first-steps');

	const mail: DevMail[] = await (
		await page.request.get(`${branch.origin}/dev/mail.json?to=${encodeURIComponent(ADMIN.email)}`)
	).json();
	const test = mail.find((m) => m.template === 'test-email')!;
	expect(test.text).toContain('Leeds Central Branch, Unity House, 12 Park Row, Leeds, LS1 5AB');
	expect(test.text).toContain('Phone 0113 496 0123 · Email office@leeds-central.example');
	expect(test.html).toContain('href="tel:01134960123"');
	expect(test.html).toContain('href="mailto:office@leeds-central.example"');
});

test('the settings show in the footer, the privacy notice, a release letter and an invite', async () => {
	const adminId = await userIdOf(branch.databaseUrl, ADMIN.email);
	const { courseBookingUid, celebration } = await addEventsFor(branch.databaseUrl, adminId);

	await page.goto(`${branch.origin}/privacy`);
	const footer = page.locator('footer');
	await expect(footer).toContainText('Leeds Central Branch');
	await expect(footer).toContainText('Branch office: Unity House, 12 Park Row, Leeds, LS1 5AB.');
	await expect(footer).toContainText('Open Tuesday and Thursday, 10am to 4pm.');
	await expect(footer.getByRole('link', { name: '0113 496 0123' })).toHaveAttribute(
		'href',
		'tel:01134960123'
	);
	const main = page.locator('main');
	await expect(main).toContainText(
		'Our data protection contact is The branch secretary, secretary@leeds-central.example.'
	);
	await expect(
		main.getByRole('link', { name: 'office@leeds-central.example' }).first()
	).toHaveAttribute('href', 'mailto:office@leeds-central.example');
	await expect(main).not.toContainText('Cherry Street');

	await page.goto(`${branch.origin}/account/bookings/${courseBookingUid}/release-letter`);
	const letter = page.locator('article');
	await expect(letter).toContainText('Unity House');
	await expect(letter).toContainText('LS1 5AB');
	await expect(letter).toContainText('Kofi Mensah');
	await expect(letter).toContainText('Branch Education Officer, Leeds Central Branch');

	await page.goto(`${branch.origin}/events/${celebration.slug}`);
	await page.getByRole('link', { name: 'Book a place' }).click();
	await page.getByRole('button', { name: 'Confirm booking' }).click();
	await expect(async () => {
		const mail: DevMail[] = await (
			await page.request.get(`${branch.origin}/dev/mail.json?to=${encodeURIComponent(ADMIN.email)}`)
		).json();
		const invite = mail.find((m) => m.calendar);
		expect(invite, 'a booking email with an invite').toBeTruthy();
		expect(unfold(invite!.calendar!.ics)).toContain('X-WR-CALNAME:Leeds Central Branch');
		expect(invite!.text).toContain('Phone 0113 496 0123');
	}).toPass({ timeout: 15_000 });
});
