// An admin at a course's desk: the register, the release letter, and the audit log after.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { addConfirmedBooking, createTestEvent } from './support/events.ts';
import { createMemberInGoodStanding } from './support/members.ts';
import { screenshotAtPhoneAndDesktop } from './support/screenshots.ts';
import { createAccount, signInAsStaff } from './support/staff.ts';

async function ready(page: Page, path: string) {
	await page.goto(path);
	await page.waitForLoadState('networkidle');
}

test('an admin takes a course register, prints a release letter, gets no certificate before the course ends, and finds it in the audit log', async ({
	page
}) => {
	const admin = await createAccount({ name: 'Grace Adeyemi', roles: ['admin'], twoFactor: true });
	const course = await createTestEvent({ title: 'Reps’ health and safety course', capacity: 5 });
	const name = 'Kofi Mensah';
	await addConfirmedBooking(course.id, (await createMemberInGoodStanding(name)).id);
	await signInAsStaff(page, admin, '/organiser');
	const eventId = course.id;
	await ready(page, `/organiser/events/${eventId}/attendees`);
	await page.getByRole('link', { name: `Release letter for ${name}` }).click();
	await expect(
		page.getByRole('heading', { name: 'Request for paid release for trade union training' })
	).toBeVisible();
	await expect(page.getByText(name).first()).toBeVisible();
	await expectNoAxeViolations(page);

	await ready(page, `/organiser/events/${eventId}/attendees`);
	await page.getByRole('button', { name: `Check in ${name}` }).click();
	await expect(page.getByRole('button', { name: `Undo check-in for ${name}` })).toBeVisible();
	// The course has not ended, so there is no certificate yet (documents.spec.ts prints one).
	await expect(page.getByRole('link', { name: `Certificate for ${name}` })).toHaveCount(0);

	await ready(page, `/admin/audit?event=${eventId}`);
	await expect(page.getByRole('cell', { name: /^checked in / })).toBeVisible();
	await expectNoAxeViolations(page);
	await screenshotAtPhoneAndDesktop(page, 'admin-audit');
});
