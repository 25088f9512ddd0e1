// The audit log as a branch committee reads it: an admin gives someone a role and changes an
// event, then finds both in words with links, finds the person acted on by their name, and
// downloads the same records as a spreadsheet.
import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { createTestEvent } from './support/events.ts';
import { expectAccessibleAtBothWidths } from './support/layout.ts';
import { screenshotAtPhoneAndDesktop } from './support/screenshots.ts';
import { createAccount, signInAsStaff } from './support/staff.ts';

test.describe.configure({ timeout: 120_000 });

test('staff actions read in words, the person acted on can be found, and the CSV matches', async ({
	page
}) => {
	const suffix = Date.now().toString(36);
	const admin = await createAccount({
		name: `Aoife Byrne ${suffix}`,
		roles: ['admin'],
		twoFactor: true
	});
	const member = await createAccount({ name: `Dee Walker ${suffix}`, label: 'member' });
	const event = await createTestEvent({ title: `Health and safety reps ${suffix}`, capacity: 12 });
	const renamed = `Health and safety reps, refresher ${suffix}`;

	// Two staff actions: a role change and an event edit.
	await signInAsStaff(page, admin, `/admin/users?q=${encodeURIComponent(member.email)}`);
	await page
		.getByRole('group', { name: `Roles for ${member.name}` })
		.getByLabel('Organiser')
		.check();
	await page.getByRole('button', { name: `Save roles for ${member.name}` }).click();
	await expect(page.getByRole('status').first()).toContainText(`${member.name}’s roles are now`);
	await page.goto(`/organiser/events/${event.id}`);
	await page.getByLabel('Title', { exact: true }).fill(renamed);
	// The test event starts at whatever time of day the test ran: give it a daytime session.
	await page.getByRole('group', { name: 'Session 1' }).getByLabel('Starts').fill('10:00');
	await page.getByRole('group', { name: 'Session 1' }).getByLabel('Ends').fill('13:00');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByText('Changes saved.')).toBeVisible();

	// The person acted on is found by name, and the record says who did what to whom, linked.
	await page.goto('/admin/audit');
	await page.getByLabel('Person acted on').fill(member.name);
	await page.getByRole('button', { name: 'Show records' }).click();
	await expect(page).toHaveURL(/subject=Dee/);
	const records = page.getByRole('region', { name: 'Audit records' }).locator('tbody tr');
	await expect(records).toHaveCount(1);
	const granted = records.first();
	await expect(granted).toContainText(`gave ${member.name} the organiser role`);
	await expect(granted.getByRole('link', { name: admin.name })).toHaveAttribute(
		'href',
		`/admin/users?q=${encodeURIComponent(admin.email)}`
	);
	await expect(granted.getByRole('link', { name: member.name })).toHaveAttribute(
		'href',
		`/admin/users?q=${encodeURIComponent(member.email)}`
	);
	await expect(granted).not.toContainText('role-granted');
	await expectAccessibleAtBothWidths(page);
	await screenshotAtPhoneAndDesktop(page, 'admin-audit-acted-on');

	// Everything the admin did: the event edit names the event by its title and links to it.
	await page.goto(`/admin/audit?person=${encodeURIComponent(admin.email)}`);
	const changed = records.filter({ hasText: `changed ${renamed}` });
	await expect(changed).toHaveCount(1);
	await expect(changed.getByRole('link', { name: renamed })).toHaveAttribute(
		'href',
		`/organiser/events/${event.id}`
	);
	await expect(records.filter({ hasText: `gave ${member.name} the organiser role` })).toHaveCount(
		1
	);
	const shown = await records.count();

	// The spreadsheet holds the same records, in the same words, with the action code beside them.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download these records as a spreadsheet (CSV)' }).click()
	]);
	expect(download.suggestedFilename()).toBe('audit-log.csv');
	const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
	const [header, ...lines] = csv.trim().split('\r\n');
	expect(header).toBe('When,Who,What they did,About,Action code');
	expect(lines).toHaveLength(shown);
	expect(lines.find((l) => l.includes(`gave ${member.name} the organiser role`))).toMatch(
		/,role-granted$/
	);
	expect(lines.find((l) => l.includes(`changed ${renamed}`))).toMatch(/,event\.updated$/);
	const pageWords = await records.locator('td:nth-child(3)').allInnerTexts();
	expect(lines.map((l) => pageWords.some((words) => l.includes(words)))).not.toContain(false);
});
