import { expect, test } from '@playwright/test';
import { and, eq } from 'drizzle-orm';
import * as table from '../../src/lib/server/db/schema/index.ts';
import { queueEmail } from '../../src/lib/server/email/outbox.ts';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { screenshotAtPhoneAndDesktop } from './support/screenshots.ts';
import { openE2eDatabase } from './support/server.ts';
import { createAccount, signInAsStaff, uniqueEmail } from './support/staff.ts';

// Each story signs in with argon2-hashed passwords, runs axe and takes full-page screenshots:
// on a busy two-core machine that can pass the default 30 seconds.
test.describe.configure({ timeout: 90_000 });

test('an admin makes a member an organiser and resets two-factor for someone who lost their phone', async ({
	page
}) => {
	const admin = await createAccount({ name: 'Aisha Bello', roles: ['admin'], twoFactor: true });
	const member = await createAccount({ name: 'Kwame Asante', label: 'member' });
	const welfare = await createAccount({
		name: 'Orla Brennan',
		roles: ['welfare'],
		twoFactor: true
	});
	await signInAsStaff(page, admin, '/admin/users');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users');
	await expectNoAxeViolations(page);
	await screenshotAtPhoneAndDesktop(page, 'admin-users');

	await page.getByLabel('Search by name, email or membership number').fill(member.email);
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page).toHaveURL(/q=member-/);
	await expect(page.getByText('1 account.')).toBeVisible();
	const roles = page.getByRole('group', { name: 'Roles for Kwame Asante' });
	await roles.getByLabel('Organiser').check();
	await page.getByRole('button', { name: 'Save roles for Kwame Asante' }).click();
	await expect(page.getByRole('status').first()).toHaveText(
		'Kwame Asante’s roles are now: organiser. They have been signed out, so their next sign-in uses the new roles.'
	);
	await expect(roles.getByLabel('Organiser')).toBeChecked();

	await page.goto(`/admin/users?q=${encodeURIComponent(admin.email)}`);
	await page.getByRole('group', { name: 'Roles for Aisha Bello' }).getByLabel('Admin').uncheck();
	await page.getByRole('button', { name: 'Save roles for Aisha Bello' }).click();
	await expect(page.getByRole('alert')).toContainText('You cannot remove your own admin role.');
	await screenshotAtPhoneAndDesktop(page, 'admin-users-error');
	await expect(
		page.getByRole('group', { name: 'Roles for Aisha Bello' }).getByLabel('Admin')
	).not.toBeChecked();
	await expectNoAxeViolations(page);

	await page.goto(`/admin/users?q=${encodeURIComponent(welfare.email)}&show=staff`);
	await page.getByRole('button', { name: 'Reset two-factor for Orla Brennan' }).click();
	await expect(page.getByRole('status').first()).toContainText(
		'Two-factor is reset for Orla Brennan.'
	);
	await expect(page.getByRole('row', { name: /Orla Brennan/ })).toContainText('Off');

	const { db, client } = openE2eDatabase();
	const [kwame] = await db.select().from(table.users).where(eq(table.users.id, member.id));
	const [orla] = await db.select().from(table.users).where(eq(table.users.id, welfare.id));
	const [aisha] = await db.select().from(table.users).where(eq(table.users.id, admin.id));
	const audit = await db
		.select({ action: table.auditLog.action, subject: table.auditLog.subjectId })
		.from(table.auditLog)
		.where(eq(table.auditLog.actorUserId, admin.id));
	client.close();
	expect(kwame.roles).toEqual(['organiser']);
	expect(orla.totpSecret).toBeNull();
	expect(aisha.roles).toEqual(['admin']);
	expect(audit).toEqual(
		expect.arrayContaining([
			{ action: 'role-granted', subject: String(member.id) },
			{ action: 'two-factor-reset', subject: String(welfare.id) }
		])
	);

	// Giving yourself a role warns that it signs you out, and waits for a second press.
	await page.goto(`/admin/users?q=${encodeURIComponent(admin.email)}`);
	await page.getByRole('group', { name: 'Roles for Aisha Bello' }).getByLabel('Organiser').check();
	await page.getByRole('button', { name: 'Save roles for Aisha Bello' }).click();
	await expect(page.getByRole('alert')).toContainText('Change your own roles?');
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Yes, change my roles and sign me out' }).click();
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Fusers/);
});

test('an admin finds a failed email in the outbox and puts it back in the queue', async ({
	page
}) => {
	const admin = await createAccount({ name: 'Dele Adeyemi', roles: ['admin'], twoFactor: true });
	const recipient = uniqueEmail('bounced');
	const suppressed = uniqueEmail('complained');
	const { db, client } = openE2eDatabase();
	await queueEmail(db, {
		idempotencyKey: `e2e-outbox/${recipient}`,
		to: { email: recipient },
		template: 'booking-confirmed',
		subject: 'Your place on Equal pay: know your rights',
		text: 'Your place is booked.',
		html: '<p>Your place is booked.</p>'
	});
	await db
		.update(table.outbox)
		.set({ status: 'failed', attempts: 3, lastError: '550 5.1.1 mailbox unavailable' })
		.where(eq(table.outbox.recipient, recipient));
	await db
		.insert(table.emailSuppressions)
		.values({ email: suppressed, reason: 'complained', createdAt: new Date() });
	client.close();

	await signInAsStaff(page, admin, '/admin');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Admin');
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Email outbox' }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Email outbox');
	await page
		.getByRole('navigation', { name: 'Show emails by status' })
		.getByRole('link', { name: /^Failed/ })
		.click();
	await expect(page).toHaveURL(/status=failed/);
	const row = page.getByRole('row', { name: new RegExp(recipient) });
	await expect(row).toContainText('550 5.1.1 mailbox unavailable');
	await expect(row).toContainText('Failed');
	await expect(page.getByRole('row', { name: new RegExp(suppressed) })).toContainText(
		'Marked as spam'
	);
	await expectNoAxeViolations(page);
	await screenshotAtPhoneAndDesktop(page, 'admin-outbox');

	await page.setViewportSize({ width: 1280, height: 900 });
	await row.getByRole('button', { name: `Retry the email to ${recipient}` }).click();
	await expect(page.getByRole('status').first()).toContainText('is back in the queue');

	await expect(async () => {
		const { db, client } = openE2eDatabase();
		const [message] = await db
			.select()
			.from(table.outbox)
			.where(and(eq(table.outbox.recipient, recipient)));
		client.close();
		expect(message.status).toBe('sent');
	}).toPass({ timeout: 10_000 });

	expect((await page.goto('/admin/outbox?status=lost'))?.status()).toBe(400);
	await expect(page.getByText('There is no email status called “lost”.')).toBeVisible();
});
