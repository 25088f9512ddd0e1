// Every calendar file the app serves or mails, built with random text (line ends, ; , \ :,
// quotes, non-Latin, very long) in every field an organiser, a member or an admin controls, and
// read back with a third-party parser: the file holds exactly the lines, properties and
// components the app writes, and each field reads back as the text that was typed.
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Event, EventSession } from '../db/schema/index.ts';
import { buildBookingInvite } from './booking-invite.ts';
import { buildMemberCalendar, buildPublicCalendar } from './event-calendar.ts';

// ical.js reads properties it does not know as raw text; these two are TEXT (RFC 7986, and
// the X-WR- convention every calendar follows).
for (const name of ['name', 'x-wr-calname']) {
	ICAL.design.icalendar.property[name] = { defaultType: 'text' };
}

const hostileUnit = fc.constantFrom(
	'\r',
	'\n',
	'\r\n',
	';',
	',',
	'\\',
	':',
	'"',
	'^',
	'\t',
	' ',
	'a',
	'Z',
	'ß',
	'漢',
	'ع',
	'😀',
	'\u0000',
	'\u0085',
	'\u2028',
	'BEGIN:VEVENT',
	'END:VCALENDAR',
	'ATTENDEE:mailto:evil@evil.example',
	'X-WR-CALNAME:Evil'
);
const hostileText = fc.oneof(
	fc.string({ unit: hostileUnit, maxLength: 40 }),
	fc.string({ unit: 'grapheme', maxLength: 120 }),
	fc.string({ unit: 'binary', maxLength: 60 }),
	fc.string({ unit: hostileUnit, minLength: 300, maxLength: 1200 })
);
const someText = hostileText.filter((s) => s.trim().length > 0);

/** What a field should read back as: line ends as \n, no control characters. */
const asTyped = (value: string) =>
	value.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(/(?![\t\n])\p{Cc}/gu, '');

/** A name in a CN parameter: on one line, with look-alikes for " ^ and \\. */
const asName = (value: string) =>
	asTyped(value)
		.replace(/\n/g, ' ')
		.replace(/"/g, '\u201d')
		.replace(/\^/g, '\u02c6')
		.replace(/\\/g, '\u29f5')
		.trim();

const hostileEvent = fc.record({
	title: someText,
	summary: someText,
	venueName: fc.option(someText, { nil: null }),
	venueAddress: fc.option(someText, { nil: null }),
	venuePostcode: fc.option(someText, { nil: null }),
	accessNotes: fc.option(someText, { nil: null }),
	onlineUrl: fc.option(someText, { nil: null })
});

const site = (branchName: string) => ({
	origin: 'https://desk.branch.example',
	calendarDomain: 'branch.example',
	branchName
});

function eventWith(fields: Partial<Event>, id = 9): Event {
	return {
		id,
		slug: `event-${id}`,
		category: 'course',
		description: '',
		booking: 'required',
		capacity: 10,
		guestsAllowed: 0,
		status: 'published',
		bookingOpensAt: null,
		bookingClosesAt: null,
		membersOnly: false,
		bookingQuestions: { accessNeeds: true, dietary: false, employer: false },
		sequence: 1,
		startsAt: new Date('2027-03-30T17:00:00Z'),
		endsAt: new Date('2027-03-30T18:00:00Z'),
		cancelledReason: null,
		createdBy: null,
		createdAt: new Date('2027-01-01T00:00:00Z'),
		updatedAt: new Date('2027-01-01T00:00:00Z'),
		title: '',
		summary: '',
		venueName: null,
		venueAddress: null,
		venuePostcode: null,
		accessNotes: null,
		onlineUrl: null,
		...fields
	} as Event;
}

const sessionsOf = (eventId: number, count: number): EventSession[] =>
	Array.from({ length: count }, (_, i) => ({
		id: eventId * 10 + i,
		eventId,
		title: null,
		startsAt: new Date(Date.UTC(2027, 2, 30 + i, 17)),
		endsAt: new Date(Date.UTC(2027, 2, 30 + i, 18))
	}));

const CALENDAR_PROPERTIES = [
	'version',
	'prodid',
	'method',
	'name',
	'x-wr-calname',
	'x-wr-timezone',
	'timezone-id'
];
const EVENT_PROPERTIES = [
	'uid',
	'sequence',
	'dtstamp',
	'dtstart',
	'dtend',
	'summary',
	'description',
	'location',
	'url',
	'status',
	'organizer',
	'attendee'
];

/**
 * Parses the file and checks its shape: one calendar, only VEVENTs in it, only the properties
 * the builders write, each once, and no line beyond those properties and components.
 */
function parseChecked(ics: string, events: number) {
	const lines = ics
		.replace(/\r\n[ \t]/g, '')
		.split('\r\n')
		.filter(Boolean);
	const calendar = new ICAL.Component(ICAL.parse(ics));
	expect(calendar.name).toBe('vcalendar');
	const names = (c: ICAL.Component) => c.getAllProperties().map((p) => p.name);
	const calendarNames = names(calendar);
	expect(calendarNames.every((n) => CALENDAR_PROPERTIES.includes(n))).toBe(true);
	expect(new Set(calendarNames).size).toBe(calendarNames.length);
	// The Europe/London VTIMEZONE comes from the zone package, not from anyone's text.
	expect(calendar.getAllSubcomponents('vtimezone')).toHaveLength(1);
	const zoneStart = lines.indexOf('BEGIN:VTIMEZONE');
	const zoneLines = lines.indexOf('END:VTIMEZONE') - zoneStart + 1;
	const components = calendar.getAllSubcomponents().filter((c) => c.name !== 'vtimezone');
	expect(components.map((c) => c.name)).toEqual(Array(events).fill('vevent'));
	let properties = calendarNames.length;
	for (const vevent of components) {
		const eventNames = names(vevent);
		expect(eventNames.every((n) => EVENT_PROPERTIES.includes(n))).toBe(true);
		expect(new Set(eventNames).size).toBe(eventNames.length);
		expect(vevent.getAllSubcomponents()).toEqual([]);
		properties += eventNames.length;
	}
	expect(lines).toHaveLength(properties + 2 * (1 + events) + zoneLines);
	return { calendar, vevents: components };
}

/** A property's text; a property the builder left out because its text was empty reads as ''. */
const text = (component: ICAL.Component, name: string) =>
	(component.getFirstPropertyValue(name) as string | null) ?? '';

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
