import { describe, expect, it } from 'vitest';
import { config } from '../config.ts';
import type { BookingStatus } from '../db/schema/index.ts';
import type { OutgoingEmail } from '../email/message.ts';
import { createEvent } from '../testing/fixtures.ts';
import { loadEventWithSessions } from './booking-context.ts';
import type { BookingContext } from './booking-email-parts.ts';
import * as confirmation from './confirmation-email.ts';
import * as emails from './emails.ts';
import * as eventChanges from './event-change-emails.ts';

const LINK = 'https://meet.example.org/room-only-for-people-with-a-place';
const HOUR = 3_600_000;

async function contextFor(fields: Parameters<typeof createEvent>[0] = {}): Promise<BookingContext> {
	const start = new Date(Date.now() + 10 * 24 * HOUR);
	const event = await createEvent({
		onlineUrl: LINK,
		sessions: [0, 7, 14].map((d) => ({
			startsAt: new Date(start.getTime() + d * 24 * HOUR),
			endsAt: new Date(start.getTime() + d * 24 * HOUR + 3 * HOUR)
		})),
		...fields
	});
	const found = await loadEventWithSessions(event.id);
	return {
		config,
		...found!,
		member: { email: 'rosa@example.org', name: 'Rosa Parks' },
		bookingUid: 'b-test-uid',
		booking: {
			guests: 2,
			answers: { accessNeeds: ['step-free', 'bsl'], accessNotes: 'Aisle seat', dietary: 'Halal' }
		}
	};
}

/** Every part of an email a member can read or their calendar can show. */
const everything = (email: OutgoingEmail) =>
	[email.subject, email.text, email.html, email.calendar?.ics.replace(/\r\n[ \t]/g, '')].join('\n');

type Case = {
	name: string;
	status: BookingStatus | 'was-confirmed';
	build: (c: BookingContext) => OutgoingEmail[];
};

// Every email a booking can send, with the status of the member it goes to. A new template must
// be added here (the test below checks each exported builder has a case).
const cases: Case[] = [
	{
		name: 'placeConfirmedEmails',
		status: 'confirmed',
		build: (c) => confirmation.placeConfirmedEmails(c)
	},
	{
		name: 'reminderEmail',
		status: 'confirmed',
		build: (c) => [emails.reminderEmail(c, c.sessions[1])]
	},
	{
		name: 'eventChangedEmails',
		status: 'confirmed',
		build: (c) => eventChanges.eventChangedEmails(c, 'It has moved.')
	},
	{
		name: 'joinedWaitingListEmail',
		status: 'waitlisted',
		build: (c) => [emails.joinedWaitingListEmail(c)]
	},
	{
		name: 'placeOfferedEmail',
		status: 'offered',
		build: (c) => [emails.placeOfferedEmail(c, new Date(Date.now() + 24 * HOUR))]
	},
	{ name: 'offerExpiredEmail', status: 'cancelled', build: (c) => [emails.offerExpiredEmail(c)] },
	{
		name: 'placeCancelledEmails',
		status: 'was-confirmed',
		build: (c) => emails.placeCancelledEmails(c, 'member', true)
	},
	{
		name: 'placeCancelledEmails',
		status: 'was-confirmed',
		build: (c) => emails.placeCancelledEmails(c, 'organiser', true)
	},
	{
		name: 'placeCancelledEmails',
		status: 'waitlisted',
		build: (c) => emails.placeCancelledEmails(c, 'member', false)
	},
	...(['confirmed', 'waitlisted', 'offered'] as const).map((status) => ({
		name: 'eventCancelledEmails',
		status: status === 'confirmed' ? ('was-confirmed' as const) : status,
		build: (c: BookingContext) => eventChanges.eventCancelledEmails(c, 'The venue flooded.', status)
	}))
];

describe('the online joining link', () => {
	it('has a case for every email a booking sends', () => {
		const builders = [confirmation, emails, eventChanges].flatMap((module) =>
			Object.entries(module)
				.filter(([name, value]) => typeof value === 'function' && /Emails?$/.test(name))
				.map(([name]) => name)
		);
		expect(new Set(cases.map((c) => c.name))).toEqual(new Set(builders));
	});

	for (const { name, status, build } of cases) {
		const holds = status === 'confirmed';
		it(`${holds ? 'is' : 'is never'} in ${name} to a member whose booking is ${status}`, async () => {
			const sent = build(await contextFor());
			expect(sent.length).toBeGreaterThan(0);
			for (const email of sent) {
				if (holds) expect(everything(email)).toContain(LINK);
				else expect(everything(email)).not.toContain('meet.example.org');
			}
		});
	}
});

describe('the confirmation of a place', () => {
	it('restates guests, access and dietary answers and says how to change them', async () => {
		const [email] = confirmation.placeConfirmedEmails(
			await contextFor({
				guestsAllowed: 3,
				bookingQuestions: { accessNeeds: true, dietary: true, employer: false }
			})
		);
		expect(email.text).toContain('Guests: 2 guests with you');
		expect(email.text).toContain('Access needs: Step-free access, BSL interpreter. Aisle seat');
		expect(email.text).toContain('Dietary needs: Halal');
		expect(email.text).toContain('Reply to this email and the organisers will update your booking');
		expect(email.text).not.toContain('/release-letter');
	});

	it('links a course’s release-time letter', async () => {
		const [email] = confirmation.placeConfirmedEmails(await contextFor({ category: 'course' }));
		expect(email.text).toContain(`${config.origin}/account/bookings/b-test-uid/release-letter`);
	});
});

describe('the waiting-list email', () => {
	it('says how long an offered place is held', async () => {
		const email = emails.joinedWaitingListEmail(await contextFor());
		expect(email.text).toContain('hold it for you for 24 hours');
	});
});
