// Another process holds the database's write lock for longer than the server's busy timeout:
// the member who confirms a booking is told the desk is busy (503 with Retry-After), nothing is
// half-saved, and the same booking goes through once the lock is released.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, rmSync } from 'node:fs';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { prepareBookingBurst } from '../load/booking-burst.ts';
import { startServers } from '../load/servers.ts';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { screenshotAtPhoneAndDesktop } from './support/screenshots.ts';
import { port } from './support/server.ts';

const BUSY_HEADING = 'The desk is busy — please try again in a moment';

async function fillBookingForm(page: Page) {
	const employer = page.getByLabel('Employer');
	if (await employer.count()) await employer.fill('Birmingham City Council');
}

test('a member confirming a booking while another process holds the lock is asked to try again, then books once', async ({
	browser,
	playwright
}) => {
	test.setTimeout(120_000);
	const folder = `.e2e-data/${port}-busy-${Date.now()}`;
	mkdirSync(folder, { recursive: true });
	const url = `file:${folder}/busy.db`;
	const servers = await startServers([port + 12], url, { DATABASE_BUSY_TIMEOUT_MS: '1000' });
	const [origin] = servers.origins;
	// The other process: a connection of this test's own to the same database file.
	const other = openDatabase({ url, busyTimeoutMs: 5000 });
	const count = async (sql: string, eventId: number) =>
		Number((await other.client.execute({ sql, args: [eventId] })).rows[0].n);
	try {
		const burst = await prepareBookingBurst(url, { members: 1, capacity: 5 });
		const bookings = () =>
			count('select count(*) as n from bookings where event_id = ?', burst.eventId);
		const emails = () =>
			count(
				`select count(*) as n from outbox o join bookings b on o.idempotency_key like 'booking-confirmed/' || b.uid || '/%'
				where b.event_id = ?`,
				burst.eventId
			);
		const context = await browser.newContext({ baseURL: origin });
		await context.addCookies([{ name: 'session', value: burst.tokens[0], url: origin }]);
		const page = await context.newPage();
		await page.goto(`/events/${burst.slug}/book`);
		await fillBookingForm(page);

		const lock = await other.client.transaction('write'); // BEGIN IMMEDIATE, held
		try {
			const answered = page.waitForResponse((r) => r.request().method() === 'POST');
			await page.getByRole('button', { name: 'Confirm booking' }).click();
			const answer = await answered;
			expect(answer.status()).toBe(503);
			expect(answer.headers()['retry-after']).toBe('1');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(BUSY_HEADING);
			await expect(page.getByText(/quote reference \S+/)).toBeVisible();

			// The same post without JavaScript gets the page itself with the same status.
			const plain = await playwright.request.newContext({ baseURL: origin });
			const response = await plain.post(`/events/${burst.slug}/book`, {
				headers: { origin, cookie: `session=${burst.tokens[0]}` },
				form: { eventId: String(burst.eventId), employer: 'Birmingham City Council' }
			});
			expect(response.status()).toBe(503);
			expect(response.headers()['retry-after']).toBe('1');
			expect(response.headers()['x-request-id']).toBeTruthy();
			expect(await response.text()).toContain(BUSY_HEADING);
			await plain.dispose();
		} finally {
			await lock.rollback();
		}
		expect(await bookings()).toBe(0);
		expect(await emails()).toBe(0);
		await expectNoAxeViolations(page);
		await screenshotAtPhoneAndDesktop(page, 'database-busy');

		await page.getByRole('link', { name: 'Try again' }).click();
		await fillBookingForm(page);
		await page.getByRole('button', { name: 'Confirm booking' }).click();
		await expect(page).toHaveURL(/\/account\/bookings\?done=booked/);
		expect(await bookings()).toBe(1);
		expect(await emails()).toBe(1);
		await context.close();
	} finally {
		other.client.close();
		servers.stop();
		rmSync(folder, { recursive: true, force: true });
	}
});
