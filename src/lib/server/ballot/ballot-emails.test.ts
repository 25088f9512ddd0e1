import { describe, expect, it } from 'vitest';
import type { Event } from '../db/schema/index.ts';
import { drawnToWaitingListEmails } from './ballot-emails.ts';

const config = {
	origin: 'https://branch.example',
	branchName: 'Test Branch',
	calendarDomain: 'branch.example',
	email: { fromAddress: 'office@branch.example', fromName: 'Test Branch' }
} as Parameters<typeof drawnToWaitingListEmails>[0]['config'];
const event = { id: 1, slug: 'reps-course', title: 'Reps & Stewards course' } as Event;
const startsAt = new Date('2027-02-01T09:00:00Z');
const context = {
	config,
	event: { ...event, venueName: 'Branch office', startsAt, endsAt: startsAt } as Event,
	sessions: [{ id: 1, eventId: 1, startsAt, endsAt: new Date('2027-02-01T16:00:00Z') }],
	ballot: { entriesCloseAt: startsAt, drawAt: startsAt }
} as Parameters<typeof drawnToWaitingListEmails>[0];

describe('the waiting-list results of a draw, laid out once and filled per entrant', () => {
	it('fills each entrant’s name, entry and place, escaped in the HTML and plain in the text', () => {
		const email = drawnToWaitingListEmails(context);
		const one = email(
			{ email: 'ann@example.org', name: "Ann <O'Neil>" },
			{ number: 17, position: 7, passedOver: false, bookingUid: 'uid-1' }
		);
		expect(one.idempotencyKey).toBe('booking-waitlisted/uid-1');
		expect(one.text).toContain("Hello Ann <O'Neil>,");
		expect(one.text).toContain('Entry 17 was not drawn for a place');
		expect(one.text).toContain('You are number 7 on the waiting list');
		expect(one.html).toContain('Hello Ann &lt;O&#39;Neil&gt;,');
		expect(one.html).not.toContain('%%');
		const two = email(
			{ email: 'bo@example.org', name: 'Bo' },
			{ number: 3, position: 1, passedOver: true, bookingUid: 'uid-2' }
		);
		expect(two.text).toContain('places left when entry 3 was drawn were not enough');
		expect(two.text).toContain('Hello Bo,');
		expect(two.text).not.toContain('Ann');
	});
});
