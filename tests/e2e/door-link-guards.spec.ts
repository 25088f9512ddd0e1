// A door link, made by an organiser for one event and opened with its PIN, lets a volunteer
// check people in at that event's door and nothing else: no staff or account page, no form
// action, no other event's door or check-ins; and once revoked, not even its own door.
import { expect, test } from '@playwright/test';
import type { Roster } from '../../src/lib/door/roster-types.ts';
import { checkInsOf, doorDevice, eventAtTheDoor } from './support/door.ts';
import { fillRouteWith as fill, formActions, protectedRoutes } from './support/route-tree.ts';

const GROUPS = ['(account)', '(admin)', '(organiser)'];

/** Every route parameter pointing at the other event and its booked person. */
function otherEventValues(other: Awaited<ReturnType<typeof eventAtTheDoor>>) {
	return {
		'events/[id=id]': String(other.event.id),
		'[id=id]': String(other.event.id),
		'[uid]': other.people[0].uid,
		'[slug=slug]': 'x',
		'[reference]': 'x',
		'[evidenceId=id]': '1',
		'[step]': 'household'
	};
}

test('a door link opens the door of its one event and nothing else, until it is revoked', async ({
	browser,
	playwright,
	baseURL
}) => {
	const { event, people, token } = await eventAtTheDoor('Door Link Evening', ['Hal Volunteer']);
	const other = await eventAtTheDoor('Door Link Elsewhere', ['Ivy Elsewhere']);
	const organiser = await doorDevice(browser, token);
	const links = await organiser.newPage();
	await links.goto(`/organiser/events/${event.id}/door/links`);
	await links.getByLabel('Who is it for?').fill('Front door, Priya');
	await links.getByRole('button', { name: 'Make a door link' }).click();
	const url = await links.locator('.made code').innerText();
	const pin = await links.locator('.made .pin').innerText();
	const path = new URL(url).pathname;

	const volunteer = await browser.newContext();
	const page = await volunteer.newPage();
	await page.goto(path);
	await page.getByLabel('PIN').fill(pin === '000000' ? '111111' : '000000');
	await page.getByRole('button', { name: 'Open the door list' }).click();
	await expect(page.getByRole('alert').first()).toContainText('That PIN is not right');
	await page.getByLabel('PIN').fill(pin);
	await page.getByRole('button', { name: 'Open the door list' }).click();
	await expect(page.getByText('every check-in sent')).toBeVisible();
	await page.getByLabel('Name or membership number').fill('Hal');
	await page.getByRole('button', { name: 'Hal Volunteer' }).click();
	await expect(page.locator('[data-verdict]')).toContainText('✓ Hal Volunteer');

	// The roster it gets holds no email address or access needs.
	const roster = await page.request.get(`${path}/roster`);
	expect(roster.status()).toBe(200);
	const text = await roster.text();
	expect(text).toContain('Hal Volunteer');
	expect(text).not.toContain(people[0].email);
	expect(text).not.toMatch(/accessNeeds|@/);

	// Nothing beyond it: every staff, account and other event's door route sends it to sign in.
	const asVolunteer = await playwright.request.newContext({
		baseURL,
		maxRedirects: 0,
		storageState: await volunteer.storageState()
	});
	for (const route of protectedRoutes(GROUPS)) {
		const { path: filled } = fill(route.pattern, otherEventValues(other));
		const answer = await asVolunteer.get(filled);
		expect(answer.status(), filled).toBe(303);
	}
	const elsewhere = await asVolunteer.get(`/organiser/events/${other.event.id}/door/roster`);
	expect(elsewhere.status()).toBe(303);

	// Nor can it do anything there: every staff and account form action refuses it.
	const values = otherEventValues(other);
	for (const target of formActions().filter((a) => a.group && GROUPS.includes(a.group))) {
		const { path: filled } = fill(target.pattern, values);
		const url = target.action === 'default' ? filled : `${filled}?/${target.action}`;
		const answer = await asVolunteer.post(url, {
			form: { booking: other.people[0].uid, confirm: 'yes' },
			// As a browser's form posts it: asking for a page, not an enhanced form's JSON.
			headers: { origin: baseURL!, accept: 'text/html' },
			maxRedirects: 0
		});
		const where = answer.headers()['location'] ?? '';
		expect([303, 403, 404], `POST ${url} ${where}`).toContain(answer.status());
	}
	// Its own door takes check-ins for its own event only: another event's booking is refused.
	const own = (await (await asVolunteer.get(`${path}/roster`)).json()) as Roster;
	const sent = await asVolunteer.post(`${path}/roster`, {
		data: {
			checkIns: [
				{
					clientId: `guard-${other.people[0].uid}`,
					bookingUid: other.people[0].uid,
					sessionId: own.sessions[0].id,
					checkedInAt: Date.now(),
					deviceId: 'Door GUARD'
				}
			],
			walkIns: []
		},
		headers: { origin: baseURL! }
	});
	expect(sent.status()).toBe(200);
	expect((await sent.json()).results).toEqual([
		expect.objectContaining({ outcome: 'refused', reason: 'No such booking for this event' })
	]);
	expect(await checkInsOf(other.people[0].uid)).toHaveLength(0);

	await links.reload();
	await links.getByRole('button', { name: 'Revoke the link for Front door, Priya' }).click();
	expect((await asVolunteer.get(`${path}/roster`)).status()).toBe(404);
	expect((await asVolunteer.get(path)).status()).toBe(404);
	await asVolunteer.dispose();
	await volunteer.close();
	await organiser.close();
});
