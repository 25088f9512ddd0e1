// Every calendar file the app serves or mails, built with random text (line ends, ; , \ :,
// quotes, non-Latin, very long) in every field an organiser, a member or an admin controls, and
// read back with a third-party parser: the file holds exactly the lines, properties and
// components the app writes, and each field reads back as the text that was typed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBookingInvite } from './booking-invite.ts';
import { buildMemberCalendar, buildPublicCalendar } from './event-calendar.ts';
import {
	someText,
	asTyped,
	asName,
	hostileEvent,
	site,
	eventWith,
	sessionsOf,
	parseChecked,
	text
} from '../testing/hostile-calendar.ts';

describe('calendar files with hostile text in every field people control', () => {
	it('the public .ics of one event holds only what the app wrote', () => {
		fc.assert(
			fc.property(hostileEvent, someText, fc.integer({ min: 1, max: 3 }), (fields, branch, n) => {
				const event = eventWith(fields);
				const ics = buildPublicCalendar(
					[{ event, sessions: sessionsOf(event.id, n) }],
					site(branch),
					event.title
				);
				const { calendar, vevents } = parseChecked(ics, n);
				expect(text(calendar, 'name')).toBe(asTyped(fields.title));
				expect(text(calendar, 'x-wr-calname')).toBe(asTyped(fields.title));
				const part = n > 1 ? ' (session 1 of ' + n + ')' : '';
				expect(text(vevents[0], 'summary')).toBe(asTyped(fields.title) + part);
				expect(text(vevents[0], 'description').startsWith(asTyped(fields.summary))).toBe(true);
				const venue = asTyped(fields.venueName ?? '').trim();
				if (venue) expect(text(vevents[0], 'location').startsWith(venue)).toBe(true);
			}),
			{ numRuns: 300 }
		);
	});

	it('the public feed and a member’s own feed hold only what the app wrote', () => {
		fc.assert(
			fc.property(
				fc.array(hostileEvent, { minLength: 1, maxLength: 4 }),
				someText,
				(all, branch) => {
					const items = all.map((fields, i) => {
						const event = eventWith(fields, i + 1);
						return { event, sessions: sessionsOf(event.id, 1), booking: { uid: `b${i}` } };
					});
					const feedName = `${branch} events`;
					const feed = parseChecked(buildPublicCalendar(items, site(branch), feedName), all.length);
					expect(text(feed.calendar, 'x-wr-calname')).toBe(asTyped(feedName));
					const mine = parseChecked(
						buildMemberCalendar(items, site(branch), `${branch}: my bookings`),
						all.length
					);
					expect(text(mine.calendar, 'name')).toBe(asTyped(`${branch}: my bookings`));
					all.forEach((fields, i) => {
						expect(text(mine.vevents[i], 'summary')).toBe(asTyped(fields.title));
						const online = asTyped(fields.onlineUrl ?? '').trim();
						if (!asTyped(fields.venueName ?? '').trim() && online) {
							expect(text(mine.vevents[i], 'location')).toBe(`Online: ${online}`);
						}
					});
				}
			),
			{ numRuns: 200 }
		);
	});

	it('an invitation holds only what the app wrote, the member’s name included', () => {
		fc.assert(
			fc.property(
				hostileEvent,
				someText,
				someText,
				fc.constantFrom('REQUEST' as const, 'CANCEL' as const),
				(fields, memberName, branch, method) => {
					const { ics } = buildBookingInvite({
						method,
						bookingId: 'b7k2',
						sequence: 3,
						event: fields,
						session: { ...sessionsOf(9, 1)[0], number: 1, of: 1 },
						organizer: { email: 'events@branch.example', name: branch },
						attendee: { email: 'member@example.org', name: memberName },
						manageUrl: 'https://desk.branch.example/account/bookings',
						calendarDomain: 'branch.example',
						branchName: branch
					});
					const { vevents } = parseChecked(ics, 1);
					expect(text(vevents[0], 'summary')).toBe(asTyped(fields.title));
					const attendee = vevents[0].getFirstProperty('attendee')!;
					expect(attendee.getFirstValue()).toBe('MAILTO:member@example.org');
					expect(attendee.getParameter('cn') ?? '').toBe(asName(memberName));
					const organizer = vevents[0].getFirstProperty('organizer')!;
					expect(organizer.getFirstValue()).toBe('mailto:events@branch.example');
				}
			),
			{ numRuns: 300 }
		);
	});

	it('a title with a line break and an ATTENDEE line stays one calendar name', () => {
		const title = 'ICS test\r\nATTENDEE:mailto:evil@evil.example\r\nEND:VEVENT';
		const event = eventWith({ title, summary: 'Summary' });
		const ics = buildPublicCalendar([{ event, sessions: sessionsOf(9, 1) }], site('Branch'), title);
		expect(ics).not.toMatch(/\r\nATTENDEE/);
		const { calendar } = parseChecked(ics, 1);
		expect(text(calendar, 'x-wr-calname')).toBe(
			'ICS test\nATTENDEE:mailto:evil@evil.example\nEND:VEVENT'
		);
	});
});
