// "Download my data": a zip holding a page to read in any browser, the same data as JSON, and
// nothing secret; the account page says what is in it.
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { registerAndVerify, uniqueEmail } from './support/members.ts';
import { PHONE, screenshotAtPhoneAndDesktop } from './support/screenshots.ts';

/** Screenshots at both widths, and nothing scrolls sideways on a 320px phone. */
async function screenshotAndFitPhone(page: Page, name: string) {
	await screenshotAtPhoneAndDesktop(page, name);
	await page.setViewportSize(PHONE);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
		PHONE.width
	);
}

test('a member downloads their data as a zip holding a page to read and the JSON, without secrets', async ({
	page,
	request
}) => {
	const email = uniqueEmail('leanne');
	await registerAndVerify(page, request, { name: 'Leanne Price', email });
	await expect(page.locator('#your-data')).toContainText('your-data.html, a page to read');
	await expect(page.locator('#your-data')).toContainText('an evidence folder');
	await screenshotAtPhoneAndDesktop(page, 'account-your-data');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download my data (zip file)' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^my-branch-data-\d{4}-\d\d-\d\d\.zip$/);
	const bytes = await readFile(await download.path());
	expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
	const files = unzipSync(new Uint8Array(bytes));
	const named = (end: string) => Object.keys(files).find((name) => name.endsWith(end))!;
	const readable = strFromU8(files[named('/your-data.html')]);
	expect(readable).toContain('<h1>Your data from');
	expect(readable).toContain('Leanne Price');
	const text = strFromU8(files[named('/your-data.json')]);
	const data = JSON.parse(text);
	expect(data.account).toMatchObject({ name: 'Leanne Price', email });
	expect(data.sessions.length).toBeGreaterThan(0);
	expect(text + readable).not.toMatch(/argon2|passwordHash|secretHash|totpSecret/);

	// The unzipped page opens in a browser from the folder and reads well on a phone.
	const folder = await mkdtemp(join(tmpdir(), 'my-data-'));
	await writeFile(join(folder, 'your-data.html'), readable);
	await page.goto(pathToFileURL(join(folder, 'your-data.html')).href);
	await expect(page.getByRole('heading', { name: 'Your bookings' })).toBeVisible();
	await expectNoAxeViolations(page);
	await screenshotAndFitPhone(page, 'account-data-page-unzipped');
});
