// Door tests: an event under way with its own organiser and booked people, written straight
// into the test server's database, and door devices signed in as that organiser.
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { newBookingUid } from '../../../src/lib/server/bookings/booking-uid.ts';
import { uniqueEmail } from './accounts.ts';
import { createTestEvent } from './events.ts';
import { openE2eDatabase, port } from './server.ts';
import { sessionFor } from './sessions.ts';
import { createAccount } from './staff.ts';

export const origin = `http://localhost:${port}`;

/** An event on now (started half an hour ago), its organiser, and confirmed places for `names`. */
export async function eventAtTheDoor(title: string, names: string[], capacity: number | null = 50) {
	const organiser = await createAccount({
		name: `${title} organiser`,
		roles: ['organiser'],
		twoFactor: true
	});
	const event = await createTestEvent({
		title,
		capacity,
		category: 'celebration',
		startsInDays: -0.5 / 24,
		organiserId: organiser.id
	});
	const { client } = openE2eDatabase();
	const people: { name: string; uid: string; email: string; userId: number }[] = [];
	try {
		for (const name of names) {
			const email = uniqueEmail('door');
			const user = await client.execute({
				sql: 'insert into users (email, name, email_verified_at, created_at) values (?, ?, ?, ?) returning id',
				args: [email, name, Date.now(), Date.now()]
			});
			const uid = newBookingUid();
			const userId = Number(user.rows[0].id);
			await client.execute({
				sql: `insert into bookings (uid, event_id, user_id, status, guests, answers, created_at, status_changed_at)
					values (?, ?, ?, 'confirmed', 0, '{}', ?, ?)`,
				args: [uid, event.id, userId, Date.now(), Date.now()]
			});
			people.push({ name, uid, email, userId });
		}
	} finally {
		client.close();
	}
	return { event, organiser, people, token: await sessionFor(organiser.email) };
}

export async function doorDevice(browser: Browser, token: string) {
	const context = await browser.newContext();
	await context.addCookies([{ name: 'session', value: token, url: origin }]);
	return context;
}

/** Opens door mode and waits until the roster is on the device. */
export async function openDoor(context: BrowserContext, eventId: number) {
	const page = await context.newPage();
	await page.goto(`/organiser/events/${eventId}/door`);
	await expect(page.getByRole('status').filter({ hasText: 'Online' })).toContainText(
		'every check-in sent'
	);
	await expect(page.getByText(/ of \d+ in/)).toBeVisible();
	return page;
}

export async function deviceNameOn(page: Page) {
	const text = await page.getByText(/this device is Door/).innerText();
	return /this device is (Door \w+)/.exec(text)![1];
}

/** Finds someone by name and lets them in; returns the big answer's text. */
export async function checkInByName(page: Page, name: string) {
	await page.getByLabel('Name or membership number').fill(name);
	await page.getByRole('list', { name: 'People found' }).getByRole('button', { name }).click();
	return page.locator('[data-verdict]');
}

export async function checkInsOf(bookingUid: string) {
	const { client } = openE2eDatabase();
	try {
		const rows = await client.execute({
			sql: `select c.checked_in_at as at, c.device_id as device from check_ins c
				join bookings b on b.id = c.booking_id where b.uid = ?`,
			args: [bookingUid]
		});
		return rows.rows.map((r) => ({ at: Number(r.at), device: String(r.device) }));
	} finally {
		client.close();
	}
}
