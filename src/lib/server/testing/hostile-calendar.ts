// Hostile text for the calendar escaping test: random line ends, ; , \ :, quotes, non-Latin and
// very long text in every field people control, the events and sessions that carry it, and a
// strict read-back of a calendar file with a third-party parser.
import fc from 'fast-check';
import ICAL from 'ical.js';
import { expect } from 'vitest';
import type { Event, EventSession } from '../db/schema/index.ts';

// ical.js reads properties it does not know as raw text; these two are TEXT (RFC 7986, and
// the X-WR- convention every calendar follows).
for (const name of ['name', 'x-wr-calname']) {
	ICAL.design.icalendar.property[name] = { defaultType: 'text' };
}

export const hostileUnit = fc.constantFrom(
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
export const hostileText = fc.oneof(
	fc.string({ unit: hostileUnit, maxLength: 40 }),
	fc.string({ unit: 'grapheme', maxLength: 120 }),
	fc.string({ unit: 'binary', maxLength: 60 }),
	fc.string({ unit: hostileUnit, minLength: 300, maxLength: 1200 })
);
export const someText = hostileText.filter((s) => s.trim().length > 0);

/** What a field should read back as: line ends as \n, no control characters. */
export const asTyped = (value: string) =>
	value.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(/(?![\t\n])\p{Cc}/gu, '');

/** A name in a CN parameter: on one line, with look-alikes for " ^ and \\. */
export const asName = (value: string) =>
	asTyped(value)
		.replace(/\n/g, ' ')
		.replace(/"/g, '\u201d')
		.replace(/\^/g, '\u02c6')
		.replace(/\\/g, '\u29f5')
		.trim();

export const hostileEvent = fc.record({
	title: someText,
	summary: someText,
	venueName: fc.option(someText, { nil: null }),
	venueAddress: fc.option(someText, { nil: null }),
	venuePostcode: fc.option(someText, { nil: null }),
	accessNotes: fc.option(someText, { nil: null }),
	onlineUrl: fc.option(someText, { nil: null })
});

export const site = (branchName: string) => ({
	origin: 'https://desk.branch.example',
	calendarDomain: 'branch.example',
	branchName
});

export function eventWith(fields: Partial<Event>, id = 9): Event {
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

export const sessionsOf = (eventId: number, count: number): EventSession[] =>
	Array.from({ length: count }, (_, i) => ({
		id: eventId * 10 + i,
		eventId,
		title: null,
		startsAt: new Date(Date.UTC(2027, 2, 30 + i, 17)),
		endsAt: new Date(Date.UTC(2027, 2, 30 + i, 18))
	}));

export const CALENDAR_PROPERTIES = [
	'version',
	'prodid',
	'method',
	'name',
	'x-wr-calname',
	'x-wr-timezone',
	'timezone-id'
];
export const EVENT_PROPERTIES = [
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
export function parseChecked(ics: string, events: number) {
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
export const text = (component: ICAL.Component, name: string) =>
	(component.getFirstPropertyValue(name) as string | null) ?? '';
