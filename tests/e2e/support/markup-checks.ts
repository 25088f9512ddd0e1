// Checks that text typed as markup stays text wherever it is shown: in a page, in an email's
// HTML, in a calendar file. Each would fail if the text were written out unescaped.
import { expect, type Browser, type Page } from '@playwright/test';
import ICAL from 'ical.js';

/** Would set window.__x if it ever ran, as a script or as an image's error handler. */
export const MARKUP = '<script>window.__x=1</script><img src=x onerror="window.__x=1">';

/** The page shows each text literally, and no element or script came out of it. */
export async function expectShownAsText(page: Page, texts: string[]) {
	const body = await page.locator('body').innerText();
	for (const text of texts) expect(body, `${page.url()} shows ${text}`).toContain(text);
	expect(await page.locator('img[src="x"]').count(), `${page.url()} has no injected image`).toBe(0);
	expect(await page.evaluate(() => '__x' in window), 'no script ran').toBe(false);
}

/**
 * An email's HTML, opened as a mail app would open it (scripts allowed, no page policy to
 * help), shows each text literally and runs nothing.
 */
/** Opens a page once it has settled and checks the texts show there as typed. */
export async function visitShowingText(page: Page, path: string, texts: string[]) {
	await page.goto(path);
	await page.waitForLoadState('networkidle');
	await expectShownAsText(page, texts);
}

export async function expectEmailShowsText(browser: Browser, html: string, texts: string[]) {
	const page = await browser.newPage({ javaScriptEnabled: true });
	await page.setContent(html, { waitUntil: 'load' });
	await expectShownAsText(page, texts);
	await page.close();
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Physical lines of a calendar file: CRLF only, none longer than 75 octets (RFC 5545 3.1). */
export function expectFoldedLines(ics: string) {
	expect(ics.replace(/\r\n/g, ''), 'no bare line feeds or carriage returns').not.toMatch(/[\r\n]/);
	const long = ics.split('\r\n').filter((line) => Buffer.byteLength(line, 'utf8') > 75);
	expect(long, 'lines over 75 octets').toEqual([]);
	expect(ics, 'no control characters in text').not.toMatch(CONTROL_CHARACTERS);
}

/** The unfolded text of the first property of this name, as written in the file. */
export function rawProperty(ics: string, name: string) {
	const line = ics
		.replace(/\r\n[ \t]/g, '')
		.split('\r\n')
		.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
	return line?.slice(line.indexOf(':') + 1) ?? '';
}

/** Every VEVENT of a calendar file, as a third-party parser reads it. */
export function parseEvents(ics: string) {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	return calendar.getAllSubcomponents('vevent').map((vevent) => ({
		summary: String(vevent.getFirstPropertyValue('summary') ?? ''),
		description: String(vevent.getFirstPropertyValue('description') ?? ''),
		location: String(vevent.getFirstPropertyValue('location') ?? '')
	}));
}
