// Door mode on two phones with no signal: each keeps checking people in from its own copy of
// the roster, says it is offline and how much waits to be sent, and when the network returns
// everyone is checked in once, at the earliest time, and the device that lost is told.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { keepScreenshot } from './support/screenshots.ts';
import {
	checkInByName,
	checkInsOf,
	deviceNameOn,
	doorDevice,
	eventAtTheDoor,
	openDoor
} from './support/door.ts';

test('two door devices offline check in overlapping people; back online each is in once, the earliest kept', async ({
	browser
}) => {
	const { event, people, token } = await eventAtTheDoor('Door Night Social', [
		'Ann Offline',
		'Bob Overlap',
		'Cat Offline'
	]);
	const [ann, bob, cat] = people;
	const first = await doorDevice(browser, token);
	const second = await doorDevice(browser, token);
	const phoneA = await openDoor(first, event.id);
	const phoneB = await openDoor(second, event.id);
	const nameA = await deviceNameOn(phoneA);
	const nameB = await deviceNameOn(phoneB);
	expect(nameA).not.toBe(nameB);

	await first.setOffline(true);
	await second.setOffline(true);
	await expect(phoneA.getByRole('status').first()).toContainText('Offline — 0 check-ins waiting');

	// B lets Bob in first; A, not knowing, lets him in again a moment later.
	await expect(await checkInByName(phoneB, 'Bob Overlap')).toContainText('✓ Bob Overlap');
	await expect(await checkInByName(phoneB, 'Ann Offline')).toContainText('✓ Ann Offline');
	await expect(await checkInByName(phoneA, 'Bob Overlap')).toContainText('✓ Bob Overlap');
	await expect(await checkInByName(phoneA, 'Cat Offline')).toContainText('✓ Cat Offline');
	await expect(phoneA.getByRole('status').first()).toHaveText(
		'Offline — 2 check-ins waiting to send'
	);
	await expect(phoneB.getByRole('status').first()).toHaveText(
		'Offline — 2 check-ins waiting to send'
	);
	// Offline, the device still knows who it let in.
	await expect(await checkInByName(phoneA, 'Cat Offline')).toContainText('Already in');

	// The later device reaches the network first; the earlier one's time still wins.
	await first.setOffline(false);
	await expect(phoneA.getByRole('status').first()).toContainText('every check-in sent');
	await second.setOffline(false);
	await expect(phoneB.getByRole('status').first()).toContainText('every check-in sent');

	const bobIn = await checkInsOf(bob.uid);
	expect(bobIn).toHaveLength(1);
	expect(bobIn[0].device).toBe(nameB);
	expect(await checkInsOf(ann.uid)).toMatchObject([{ device: nameB }]);
	expect(await checkInsOf(cat.uid)).toMatchObject([{ device: nameA }]);

	// A hears that its check-in of Bob was not the one kept.
	await expect(phoneA.getByRole('region', { name: 'Checked in by another device' })).toContainText(
		`Bob Overlap was already checked in at`,
		{ timeout: 15_000 }
	);
	await expect(phoneA.getByText(`by ${nameB}`)).toBeVisible();
	await expect(await checkInByName(phoneA, 'Bob Overlap')).toContainText(`by ${nameB}`);
	await expectNoAxeViolations(phoneA);
	await first.close();
	await second.close();
});

test('door mode fits a 320 px phone and works by keyboard', async ({ browser }) => {
	const { event, token } = await eventAtTheDoor('Door Small Screen', ['Dee Keyboard']);
	const device = await doorDevice(browser, token);
	const page = await openDoor(device, event.id);
	await page.setViewportSize({ width: 320, height: 640 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
	await page.getByLabel('Name or membership number').focus();
	await page.keyboard.type('Dee');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(page.locator('[data-verdict]')).toContainText('✓ Dee Keyboard');
	await device.close();
});

test('a walk-in with no account is booked and checked in at a full event only over capacity', async ({
	browser
}) => {
	const { event, token } = await eventAtTheDoor('Door Full House', ['Fay Booked'], 1);
	const device = await doorDevice(browser, token);
	const page = await openDoor(device, event.id);
	await page.getByText('Add a walk-in').click();
	await page.getByLabel('Name', { exact: true }).fill('Gus Walkin');
	await page.getByLabel('Email address').fill(`gus-${Date.now()}@walk-in.example`);
	await page.getByRole('button', { name: 'Add and check in' }).click();
	await expect(
		page.getByRole('link', { name: 'The event is full: confirm going over capacity' })
	).toBeVisible();
	await page.getByLabel(/add them over capacity/).check();
	await page.getByRole('button', { name: 'Add and check in' }).click();
	await expect(page.getByRole('list', { name: 'Walk-ins sent' })).toContainText(
		'✓ Gus Walkin has a place and is checked in.'
	);
	await expect(page.getByText(/2 of 2 in|1 of 2 in/)).toBeVisible();
	await device.close();
});

test('on a phone, the Remove confirmation appears in the row it was asked from and takes focus', async ({
	browser
}) => {
	const names = Array.from(
		{ length: 12 },
		(_, i) => `Row ${String(i + 1).padStart(2, '0')} Person`
	);
	const { event, token } = await eventAtTheDoor('Door Remove On Phone', names);
	const device = await doorDevice(browser, token);
	const page = await device.newPage();
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto(`/organiser/events/${event.id}/attendees`);
	const row = page.locator('li').filter({ hasText: 'Row 11 Person' }).first();
	// Remove stands apart from the harmless Resend beside it.
	const resend = (await row.getByRole('button', { name: 'Resend invitation' }).boundingBox())!;
	const remove = (await row.getByRole('button', { name: 'Remove Row 11 Person' }).boundingBox())!;
	expect(remove.x - (resend.x + resend.width)).toBeGreaterThanOrEqual(32);
	await page.getByRole('button', { name: 'Remove Row 11 Person' }).click();
	const confirm = page.getByRole('alert').filter({ hasText: 'Remove Row 11 Person?' });
	await expect(confirm).toBeFocused();
	await expect(confirm).toBeInViewport();
	await expect(row.getByRole('heading', { name: 'Remove Row 11 Person?' })).toBeVisible();
	// The way out and the destructive button are well apart, on one line or two.
	const keep = (await confirm.getByRole('link', { name: 'Keep them' }).boundingBox())!;
	const yes = (await confirm
		.getByRole('button', { name: 'Yes, remove Row 11 Person' })
		.boundingBox())!;
	const apart = Math.max(yes.x - (keep.x + keep.width), yes.y - (keep.y + keep.height));
	expect(apart).toBeGreaterThanOrEqual(24);
	await keepScreenshot(page, 'door/remove-confirmation-390.png', false);
	await expectNoAxeViolations(page);
	await device.close();
});
