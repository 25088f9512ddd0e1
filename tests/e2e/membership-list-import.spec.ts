// The branch membership list, imported by an admin: every bad line named before anything is
// imported, a summary of what changed, and a plain message for a file that is too big.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { signedInAdmin, uniqueMembershipNumber } from './support/members.ts';
import { screenshotAndFitPhone } from './support/screenshots.ts';
import { createAccount, signInAsStaff } from './support/staff.ts';

const today = new Date().toISOString().slice(0, 10);
const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;

function membershipCsv(rows: string[]) {
	return Buffer.from(
		['Membership number,Surname,Postcode,Joined on,Subs paid to', ...rows].join('\n')
	);
}

async function importFile(page: Page, name: string, buffer: Buffer) {
	await page.getByLabel('Membership list (CSV file)').setInputFiles({
		name,
		mimeType: 'text/csv',
		buffer
	});
	await page.getByRole('button', { name: 'Import membership list' }).click();
}

test('an admin imports the membership list, sees every bad line, and is told when a file is too big', async ({
	page,
	context
}) => {
	// Two uploads of 10 MB and more, on a shared machine.
	test.setTimeout(120_000);
	await signedInAdmin(context);
	await page.goto('/admin/members');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Membership list');

	const prefix = uniqueMembershipNumber();
	await importFile(
		page,
		'members.csv',
		membershipCsv([
			`${prefix}1,Okafor,B15 2TT,2015-03-01,31/12/${nextYear.slice(0, 4)}`,
			`${prefix}2,Hughes,B2 5AL,31/02/2020,${nextYear}`,
			`${prefix}3,,B2 5AL,2020-01-01,${nextYear}`
		])
	);
	await expect(page.getByRole('alert')).toContainText('Nothing has been imported');
	await expect(page.getByText("Line 3: joined on '31/02/2020' is not a real date")).toBeVisible();
	await expect(page.getByText('Line 4: surname is missing')).toBeVisible();
	await expectNoAxeViolations(page);
	await screenshotAndFitPhone(page, 'admin-members-problems');

	await page.setViewportSize({ width: 1280, height: 900 });
	await importFile(
		page,
		'members.csv',
		membershipCsv([
			`${prefix}1,Okafor,B15 2TT,2015-03-01,31/12/${nextYear.slice(0, 4)}`,
			`${prefix}2,Hughes,B2 5AL,2020-02-01,${nextYear}`
		])
	);
	await expect(page.getByRole('status')).toContainText(
		'2 rows: 2 members added, 0 members updated, 0 members unchanged'
	);
	await expect(page.getByText(/Last imported .* by Ada Admin/)).toBeVisible();
	await expectNoAxeViolations(page);
	await screenshotAndFitPhone(page, 'admin-members');

	await page.setViewportSize({ width: 1280, height: 900 });
	const overLimit = Buffer.alloc(10 * 1024 * 1024 + 512 * 1024, 'x');
	await importFile(page, 'huge.csv', overLimit);
	await expect(page.getByRole('alert')).toContainText(
		'The file is 11 MB. Upload a file of 10 MB or less'
	);

	// Beyond the server's own body limit the request is refused before the form is read.
	await importFile(page, 'enormous.csv', Buffer.alloc(12 * 1024 * 1024, 'x'));
	await expect(page.getByRole('alert')).toContainText('Upload a file of 10 MB or less');
});

test('an admin signs in with two-factor and imports the membership list', async ({ page }) => {
	const admin = await createAccount({ name: 'Grace Mensah', roles: ['admin'], twoFactor: true });
	await signInAsStaff(page, admin, '/admin/members');
	await expect(page).toHaveURL(/\/admin\/members$/);
	const number = uniqueMembershipNumber();
	await importFile(
		page,
		'members.csv',
		membershipCsv([`${number},Patel,B1 1AA,2019-05-01,${nextYear}`])
	);
	await expect(page.getByRole('status')).toContainText('1 row: 1 member added');
});
