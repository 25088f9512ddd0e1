// A member's account, told as stories: changing the password, confirming the email before
// booking, deleting the account with its calendar entries, and every member page on a phone.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { createTestEvent } from './support/events.ts';
import { waitForMail } from './support/mailbox.ts';
import {
	addSessions,
	screenshotsWithoutSidewaysScroll,
	signedInMember,
	submittedGrantApplication
} from './support/member-journey.ts';
import { MEMBER_PASSWORD, uniqueEmail } from './support/members.ts';

test('a member changes their password: the fields are emptied and an email says it changed', async ({
	browser,
	request
}) => {
	const { user, page } = await signedInMember(browser, 'Pat Password');
	await page.goto('/account');
	await page.getByLabel('Current password').fill(MEMBER_PASSWORD);
	await page.getByLabel('New password').fill('lantern orchard pebble quartz');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Your password has been changed.' })
	).toBeFocused();
	await expect(page.getByLabel('Current password')).toHaveValue('');
	await expect(page.getByLabel('New password')).toHaveValue('');
	const email = await waitForMail(request, user.email, 'password-changed');
	expect(email.text).toContain('If it was not you, reset your password');
});

test('someone who has not confirmed their email is asked for the code when they open a booking page', async ({
	page
}) => {
	const event = await createTestEvent({
		title: 'Unconfirmed welcome',
		capacity: 5,
		category: 'celebration'
	});
	await page.goto('/register');
	await page.getByLabel('Full name').fill('Una Confirmed');
	await page.getByLabel('Email').fill(uniqueEmail('unconfirmed'));
	await page.getByLabel('Password').fill(MEMBER_PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page).toHaveURL(/\/verify-email/);
	await page.goto(`/events/${event.slug}/book`);
	await expect(page).toHaveURL(/\/verify-email\?redirectTo=/);
	await expect(page.getByText('Confirm your email address to book a place.')).toBeVisible();
	await page.context().clearCookies();
	await page.goto(`/events/${event.slug}/book`);
	await expect(page).toHaveURL(/\/login\?redirectTo=/);
	await expect(page.getByText('not yet entered the code we emailed you')).toBeVisible();
});

test('deleting an account names the grant application and cancels every session of every upcoming place in the calendar', async ({
	browser,
	request
}) => {
	const { user, page } = await signedInMember(browser, 'Dee Leting-Averylongsurname');
	const reference = await submittedGrantApplication(user.id);
	const events = [
		await createTestEvent({ title: 'Delete one', capacity: 5, category: 'celebration' }),
		await createTestEvent({ title: 'Delete two', capacity: 5, category: 'celebration' }),
		await createTestEvent({ title: 'Delete course', capacity: 5 })
	];
	await addSessions(events[2].id, 2);
	for (const event of events) {
		await page.goto(`/events/${event.slug}/book`);
		await page.getByRole('button', { name: 'Confirm booking' }).click();
		await expect(page.getByText('Your place is booked.')).toBeVisible();
	}
	await page.goto('/account/delete');
	await expect(page.getByText(reference)).toBeVisible();
	await expect(page.getByText('withdrawn before a decision')).toBeVisible();
	await expectNoAxeViolations(page);
	await screenshotsWithoutSidewaysScroll(page, 'delete-account');
	const password = page.getByLabel('Password', { exact: false });
	if (await password.count()) await password.fill(MEMBER_PASSWORD);
	await page.getByRole('button', { name: 'Yes, delete my account' }).click();
	await expect(page).toHaveURL(/\/account-deleted$/);

	await expect(async () => {
		const mail: { calendar: { method: string } | null }[] = await (
			await request.get(`/dev/mail.json?to=${encodeURIComponent(user.email)}`)
		).json();
		expect(mail.filter((m) => m.calendar?.method === 'CANCEL')).toHaveLength(5);
	}).toPass({ timeout: 20_000 });
});

test('member pages fit a phone without sideways scrolling', async ({ browser }) => {
	const event = await createTestEvent({
		title: 'A rather long course title that has to wrap on a phone',
		capacity: 5
	});
	const { page } = await signedInMember(browser, 'Wren Width');
	await page.goto(`/events/${event.slug}/book`);
	await screenshotsWithoutSidewaysScroll(page, 'book');
	await page.getByRole('button', { name: 'Confirm booking' }).click();
	await expect(page.getByText('Your place is booked.')).toBeVisible();
	await screenshotsWithoutSidewaysScroll(page, 'bookings');
	for (const [path, name] of [
		['/account', 'account'],
		[`/events/${event.slug}`, 'event'],
		['/account/grants', 'grants']
	]) {
		await page.goto(path);
		await screenshotsWithoutSidewaysScroll(page, name);
	}
});
