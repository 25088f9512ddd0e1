// An organiser's reach ends at the events they manage: pages, forms and messages alike.
import { expect, test } from '@playwright/test';
import { createTestEvent } from './support/events.ts';
import { openE2eDatabase } from './support/server.ts';
import { createAccount, signInAsStaff } from './support/staff.ts';

/** What a stranger's posts must not change: the event row, and the emails queued about it. */
async function eventState(eventId: number) {
	const { client } = openE2eDatabase();
	try {
		const event = await client.execute({
			sql: 'select title, summary, capacity, sequence, updated_at from events where id = ?',
			args: [eventId]
		});
		const outbox = await client.execute({
			sql: "select count(*) as n from outbox where idempotency_key like 'organiser-message/' || ? || '/%'",
			args: [eventId]
		});
		const audit = await client.execute({
			sql: 'select count(*) as n from audit_log where subject_id = ?',
			args: [String(eventId)]
		});
		return { event: event.rows[0], messages: outbox.rows[0].n, audit: audit.rows[0].n };
	} finally {
		client.close();
	}
}

test('an organiser cannot open, change or message an event they do not manage', async ({
	page,
	baseURL
}) => {
	const other = await createAccount({ name: 'Ruth Osei', roles: ['organiser'], twoFactor: true });
	await signInAsStaff(page, other, '/organiser');
	await expect(page.getByText('You have no upcoming events.')).toBeVisible();
	const notTheirs = await createTestEvent({ title: 'Someone else’s social', capacity: 5 });
	const eventPath = `/organiser/events/${notTheirs.id}`;
	const before = await eventState(notTheirs.id);

	for (const path of ['', '/attendees', '/attendees/message']) {
		const response = await page.goto(`${eventPath}${path}`);
		expect(response?.status(), path || 'edit page').toBe(404);
	}
	const csv = await page.request.get(`${eventPath}/attendees.csv`);
	expect(csv.status()).toBe(404);

	// Posted straight at the actions, from this site, with a complete and valid-looking form.
	const post = (path: string, form: Record<string, string>) =>
		page.request.post(`${eventPath}${path}`, {
			form,
			headers: { origin: baseURL! },
			maxRedirects: 0
		});
	const edits = await post('?/save', {
		title: 'Taken over',
		category: 'celebration',
		summary: 'Changed by someone who does not manage it',
		description: 'Changed',
		capacity: '1'
	});
	const messageForm = {
		audience: 'all',
		subject: 'Not from the organisers',
		body: 'This should never be sent.',
		messageId: 'e2e-not-mine'
	};
	const preview = await post('/attendees/message?/preview', messageForm);
	const send = await post('/attendees/message?/send', messageForm);
	for (const response of [edits, preview, send]) {
		expect([403, 404]).toContain(response.status());
		expect(await response.text()).not.toContain('Not from the organisers');
	}
	expect(await eventState(notTheirs.id)).toEqual(before);
});
