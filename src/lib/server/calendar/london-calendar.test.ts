import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Event, EventSession } from '../db/schema/index.ts';
import { buildBookingInvite, CALENDAR_DECLINE_NOTE, type InviteInput } from './booking-invite.ts';
import { buildMemberCalendar, buildPublicCalendar } from './event-calendar.ts';

// A summer session: 10:30 to 12:00 British Summer Time, which is 09:30 to 11:00 UTC.
const summer = {
	id: 31,
	eventId: 4,
	title: null,
	startsAt: new Date('2027-07-13T09:30:00Z'),
	endsAt: new Date('2027-07-13T11:00:00Z')
} as EventSession;
const winter = {
	...summer,
	id: 32,
	startsAt: new Date('2027-01-12T09:30:00Z'),
	endsAt: new Date('2027-01-12T11:00:00Z')
};

const event = {
	id: 4,
	slug: 'summer-school',
	title: 'Summer school',
	category: 'course',
	summary: 'Three days of training.',
	description: '',
	venueName: 'Bank House',
	venueAddress: '8 Cherry Street',
	venuePostcode: 'B2 5AL',
	accessNotes: null,
	onlineUrl: 'https://meet.example/room',
	status: 'published',
	sequence: 1
} as Event;

const site = {
	origin: 'https://desk.branch.example',
	calendarDomain: 'branch.example',
	branchName: 'Birmingham City Branch'
};

const invite = (method: 'REQUEST' | 'CANCEL', sequence: number, session = summer): InviteInput => ({
	method,
	bookingId: 'b-42',
	sequence,
	event,
	session: { ...session, number: 1, of: 1 },
	organizer: { email: 'events@branch.example', name: 'Branch' },
	attendee: { email: 'amara@example.org', name: 'Amara Okafor' },
	manageUrl: `${site.origin}/account/bookings`,
	calendarDomain: site.calendarDomain,
	branchName: site.branchName
});

/** Parses as a calendar client does: the file's own VTIMEZONE defines the zone its times use. */
function parse(ics: string) {
	const unfolded = ics.replace(/\r\n[ \t]/g, '');
	const calendar = new ICAL.Component(ICAL.parse(ics));
	const zones = calendar.getAllSubcomponents('vtimezone');
	expect(zones).toHaveLength(1);
	expect(zones[0].getFirstPropertyValue('tzid')).toBe('Europe/London');
	const timezone = new ICAL.Timezone(zones[0]);
	ICAL.TimezoneService.register(timezone, 'Europe/London');
	const vevents = calendar.getAllSubcomponents('vevent');
	expect(vevents.length).toBeGreaterThan(0);
	for (const vevent of vevents) {
		expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/London');
		expect(vevent.getFirstProperty('dtend')!.getParameter('tzid')).toBe('Europe/London');
	}
	expect(unfolded).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/m);
	return { calendar, unfolded, events: vevents.map((v) => new ICAL.Event(v)) };
}

function expectSummerTimes(ev: ICAL.Event) {
	expect(ev.startDate.hour).toBe(10);
	expect(ev.startDate.minute).toBe(30);
	expect(ev.endDate.hour).toBe(12);
	expect(ev.startDate.toJSDate().toISOString()).toBe('2027-07-13T09:30:00.000Z');
	expect(ev.endDate.toJSDate().toISOString()).toBe('2027-07-13T11:00:00.000Z');
}

describe('calendar files in Europe/London', () => {
	it('an invitation (REQUEST) keeps a summer session at 10:30 local time', () => {
		const { calendar, events } = parse(buildBookingInvite(invite('REQUEST', 1)).ics);
		expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
		expectSummerTimes(events[0]);
	});

	it('an update keeps the UID, raises SEQUENCE and stays in local time', () => {
		const first = parse(buildBookingInvite(invite('REQUEST', 1)).ics).events[0];
		const moved = parse(buildBookingInvite(invite('REQUEST', 2, { ...winter, id: summer.id })).ics)
			.events[0];
		expect(moved.uid).toBe(first.uid);
		expect(moved.sequence).toBe(2);
		expect(moved.startDate.hour).toBe(9);
		expect(moved.startDate.toJSDate().toISOString()).toBe('2027-01-12T09:30:00.000Z');
	});

	it('a CANCEL asks for no reply and does not talk about keeping the place', () => {
		const { calendar, events, unfolded } = parse(buildBookingInvite(invite('CANCEL', 2)).ics);
		expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
		expectSummerTimes(events[0]);
		const attendee = calendar.getFirstSubcomponent('vevent')!.getFirstProperty('attendee')!;
		expect(attendee.getParameter('rsvp')).toBe('FALSE');
		expect(unfolded).not.toContain('does not give up your place');
		expect(unfolded).not.toContain(CALENDAR_DECLINE_NOTE.slice(0, 30));
		expect(unfolded).not.toContain('meet.example');
	});

	it('the public feed and a member’s feed carry the zone and local times', () => {
		const items = [{ event, sessions: [summer, winter] }];
		const published = parse(buildPublicCalendar(items, site, 'Branch events'));
		expectSummerTimes(published.events[0]);
		const mine = parse(
			buildMemberCalendar([{ booking: { uid: 'b-42' }, ...items[0] }], site, 'Mine')
		);
		expectSummerTimes(mine.events[0]);
		expect(mine.events[0].uid).toBe(
			parse(buildBookingInvite(invite('REQUEST', 1)).ics).events[0].uid
		);
	});
});
