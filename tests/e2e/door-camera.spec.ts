// Scanning tickets with the phone's camera: Chromium's fake camera plays a video made from a
// real ticket's QR code (fetched from the member's own bookings page), and door mode lets the
// member in; the same ticket once the booking is cancelled, and a forged one, are refused.
import { chromium, expect, test } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { decodePng, writeY4m } from './support/fake-camera.ts';
import { eventAtTheDoor, origin } from './support/door.ts';
import { openE2eDatabase } from './support/server.ts';
import { sessionFor } from './support/sessions.ts';

const executablePath =
	process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

async function phoneWithCamera(video: string, token: string) {
	const browser = await chromium.launch({
		executablePath,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--no-first-run',
			'--use-fake-device-for-media-stream',
			'--use-fake-ui-for-media-stream',
			`--use-file-for-fake-video-capture=${video}`
		]
	});
	const context = await browser.newContext({ baseURL: origin });
	await context.grantPermissions(['camera'], { origin });
	await context.addCookies([{ name: 'session', value: token, url: origin }]);
	return { browser, context };
}

async function scanAtTheDoor(
	context: import('@playwright/test').BrowserContext,
	eventId: number,
	count = / of 1 in/
) {
	const page = await context.newPage();
	await page.goto(`/organiser/events/${eventId}/door`);
	// The fresh roster, not only the copy the device kept from before.
	await expect(page.getByText(count)).toBeVisible();
	await page.getByRole('button', { name: 'Scan a ticket' }).click();
	return page.locator('[data-verdict]');
}

test('a ticket scanned by the camera lets its holder in; cancelled or forged, it is refused', async ({
	request
}) => {
	test.setTimeout(120_000);
	const { event, people, token } = await eventAtTheDoor('Door Camera Evening', ['Eve Scanner']);
	const [eve] = people;
	const bookings = await request.get('/account/bookings', {
		headers: { cookie: `session=${await sessionFor(eve.email)}` }
	});
	const src = /src="(\/tickets\/[^"]+\/qr\.png)"/.exec(await bookings.text())![1];
	const png = await request.get(src);
	expect(png.headers()['content-type']).toBe('image/png');
	const ticket = decodeURIComponent(src.split('/')[2]);

	const folder = join('test-results', 'door-camera');
	mkdirSync(folder, { recursive: true });
	const realVideo = join(folder, 'real-ticket.y4m');
	writeY4m(realVideo, decodePng(Buffer.from(await png.body())));
	const forged = ticket.replace(/.{4}$/, (end) => (end === 'AAAA' ? 'BBBB' : 'AAAA'));
	const forgedVideo = join(folder, 'forged-ticket.y4m');
	writeY4m(forgedVideo, decodePng(await QRCode.toBuffer(forged, { width: 400, margin: 2 })));

	const phone = await phoneWithCamera(realVideo, token);
	try {
		await expect(await scanAtTheDoor(phone.context, event.id)).toContainText('✓ Eve Scanner', {
			timeout: 20_000
		});
		const { client } = openE2eDatabase();
		await client.execute({
			sql: `update bookings set status = 'cancelled', cancelled_at = ? where uid = ?`,
			args: [Date.now(), eve.uid]
		});
		client.close();
		expect((await request.get(src)).status()).toBe(404);
		await expect(await scanAtTheDoor(phone.context, event.id, / of 0 in/)).toContainText(
			'Booking cancelled',
			{
				timeout: 20_000
			}
		);
	} finally {
		await phone.browser.close();
	}

	const forger = await phoneWithCamera(forgedVideo, token);
	try {
		await expect(await scanAtTheDoor(forger.context, event.id, / of 0 in/)).toContainText(
			'Ticket not genuine',
			{ timeout: 20_000 }
		);
	} finally {
		await forger.browser.close();
	}
});
