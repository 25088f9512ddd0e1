// The catalogue as calendars read it: the Add to calendar file, the public feeds, and caching.
import { expect, test } from '@playwright/test';
import ICAL from 'ical.js';
import { readFile } from 'node:fs/promises';

test('Add to calendar downloads an .ics that a calendar parser reads', async ({ page }) => {
	await page.goto('/events/equal-pay-know-your-rights');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Add to calendar' }).click()
	]);
	const text = await readFile(await download.path(), 'utf8');
	const calendar = new ICAL.Component(ICAL.parse(text));
	expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
	const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
	expect(events).toHaveLength(1);
	expect(events[0].uid).toMatch(/^event-\d+-session-\d+@localhost$/);
	expect(events[0].summary).toBe('Equal pay: know your rights');
	// The calendar holds the very instant the page shows: 6:00pm in London in January, 18:00 UTC.
	const shown = await page.locator('.facts time').getAttribute('datetime');
	expect(events[0].startDate.toJSDate().toISOString()).toBe(shown);
	expect(shown).toMatch(/T18:00:00\.000Z$/);

	const again = await page.request.get('/events/equal-pay-know-your-rights/calendar.ics');
	expect(again.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	expect(await again.text()).toContain(`UID:${events[0].uid}`);
});

test('the public feed holds every published event and can be narrowed to one category', async ({
	request
}) => {
	const all = await request.get('/calendar/events.ics');
	expect(all.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	const summaries = new ICAL.Component(ICAL.parse(await all.text()))
		.getAllSubcomponents('vevent')
		.map((v) => String(v.getFirstPropertyValue('summary')));
	// 13 demo events, the rep course in 3 sessions and health and safety in 2.
	expect(summaries.length).toBeGreaterThanOrEqual(16);
	expect(summaries.filter((s) => s.startsWith('Introduction to being a workplace rep'))).toEqual([
		'Introduction to being a workplace rep (session 1 of 3)',
		'Introduction to being a workplace rep (session 2 of 3)',
		'Introduction to being a workplace rep (session 3 of 3)'
	]);

	const courses = await request.get('/calendar/events.ics?category=fuel-grant-session');
	const sessions = new ICAL.Component(ICAL.parse(await courses.text()))
		.getAllSubcomponents('vevent')
		.map((v) => v.getFirstPropertyValue('summary'));
	expect(sessions).toEqual(Array(3).fill('Winter fuel grant help session'));
});

test('catalogue pages and calendar files can be cached and revalidated', async ({ request }) => {
	for (const path of ['/events', '/events/equal-pay-know-your-rights/calendar.ics']) {
		const first = await request.get(path);
		expect(first.headers()['cache-control']).toContain('public');
		const etag = first.headers()['etag'];
		expect(etag).toBeTruthy();
		const revalidated = await request.get(path, { headers: { 'if-none-match': etag } });
		expect(revalidated.status()).toBe(304);
	}
});
