import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Event, EventSession } from '../db/schema/index.ts';
import { buildMemberCalendar, buildPublicCalendar } from './event-calendar.ts';

const site = {
	origin: 'https://desk.branch.example',
	calendarDomain: 'branch.example',
	branchName: 'Birmingham City Branch'
};

const onlineBriefing: Event = {
	id: 9,
	slug: 'pay-claim-briefing',
	title: 'Pay claim briefing',
	category: 'day-of-action',
	summary: 'Where the claim stands and what comes next.',
	description: 'A short online briefing.',
	venueName: null,
	venueAddress: null,
	venuePostcode: null,
	accessNotes: null,
	onlineUrl: 'https://meet.example/secret-room-4417',
	booking: 'required',
	capacity: 100,
	guestsAllowed: 0,
	attendanceNeeded: null,
	status: 'published',
	bookingOpensAt: null,
	bookingClosesAt: null,
	membersOnly: false,
	allocation: 'first-come',
	bookingQuestions: { accessNeeds: true, dietary: false, employer: false },
	sequence: 2,
	startsAt: new Date('2027-03-30T17:00:00Z'),
	endsAt: new Date('2027-03-30T18:00:00Z'),
	cancelledReason: null,
	createdBy: null,
	createdAt: new Date('2027-01-01T00:00:00Z'),
	updatedAt: new Date('2027-01-01T00:00:00Z')
};

const sessions: EventSession[] = [
	{
		id: 31,
		eventId: 9,
		title: null,
		startsAt: onlineBriefing.startsAt,
		endsAt: onlineBriefing.endsAt
	}
];

function vevents(ics: string) {
	return new ICAL.Component(ICAL.parse(ics))
		.getAllSubcomponents('vevent')
		.map((v) => new ICAL.Event(v));
}

describe('public calendar files', () => {
	it('say an online event is online without giving away its joining link', () => {
		const ics = buildPublicCalendar([{ event: onlineBriefing, sessions }], site, 'Events');
		const [event] = vevents(ics);
		expect(event.uid).toBe('event-9-session-31@branch.example');
		expect(event.sequence).toBe(2);
		expect(event.location).toBe('Online');
		expect(ics).not.toContain('secret-room-4417');
	});

	it('give the joining link to a member with a confirmed place', () => {
		const ics = buildMemberCalendar(
			[{ booking: { uid: 'b7k2' }, event: onlineBriefing, sessions }],
			site,
			'My bookings'
		);
		const [event] = vevents(ics);
		expect(event.uid).toBe('booking-b7k2-session-31@branch.example');
		expect(event.location).toBe('Online: https://meet.example/secret-room-4417');
	});

	it('mark a cancelled event as cancelled so subscribed calendars strike it out', () => {
		const cancelled = { ...onlineBriefing, status: 'cancelled' as const, sequence: 3 };
		const [event] = vevents(buildPublicCalendar([{ event: cancelled, sessions }], site, 'Events'));
		expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(event.sequence).toBe(3);
	});
});
