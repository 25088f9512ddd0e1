import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildBookingInvite, CALENDAR_DECLINE_NOTE, type InviteInput } from './booking-invite.ts';

const base: InviteInput = {
	method: 'REQUEST',
	bookingId: 42,
	sequence: 0,
	event: {
		title: 'Introduction to being a workplace rep',
		summary: 'Your role, your rights, and supporting members.',
		venueName: 'Branch office, Bank House',
		venueAddress: '8 Cherry Street, Birmingham',
		venuePostcode: 'B2 5AL',
		accessNotes: 'Step-free entrance; hearing loop.',
		onlineUrl: null
	},
	session: {
		id: 7,
		startsAt: new Date('2027-01-12T09:30:00Z'),
		endsAt: new Date('2027-01-12T16:00:00Z'),
		number: 1,
		of: 3
	},
	organizer: { email: 'events@branch.example', name: 'Birmingham City Branch' },
	attendee: { email: 'amara@example.org', name: 'Amara Okafor' },
	manageUrl: 'http://localhost:3000/account/bookings',
	calendarDomain: 'branch.example',
	branchName: 'Birmingham City Branch'
};

function parse(ics: string) {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	const vevents = calendar.getAllSubcomponents('vevent');
	return { calendar, vevents, event: new ICAL.Event(vevents[0]) };
}

describe('booking invitations', () => {
	it('is a REQUEST from the branch to the member, who is asked to reply', () => {
		const invite = buildBookingInvite(base);
		const { calendar, vevents, event } = parse(invite.ics);
		expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
		expect(vevents).toHaveLength(1);
		expect(event.uid).toBe('booking-42-session-7@branch.example');
		expect(event.sequence).toBe(0);
		expect(event.summary).toBe('Introduction to being a workplace rep (session 1 of 3)');
		expect(event.startDate.toJSDate().toISOString()).toBe('2027-01-12T09:30:00.000Z');
		expect(event.location).toBe('Branch office, Bank House, 8 Cherry Street, Birmingham, B2 5AL');
		expect(event.description).toContain(CALENDAR_DECLINE_NOTE);

		const organizer = vevents[0].getFirstProperty('organizer')!;
		expect(organizer.getFirstValue()).toBe('mailto:events@branch.example');
		const attendee = vevents[0].getFirstProperty('attendee')!;
		expect(attendee.getFirstValue()).toBe('MAILTO:amara@example.org');
		expect(attendee.getParameter('cn')).toBe('Amara Okafor');
		expect(attendee.getParameter('role')).toBe('REQ-PARTICIPANT');
		expect(attendee.getParameter('partstat')).toBe('NEEDS-ACTION');
		expect(attendee.getParameter('rsvp')).toBe('TRUE');
		expect(vevents[0].getFirstPropertyValue('dtstamp')).toBeTruthy();
	});

	it('keeps the UID and raises SEQUENCE when the event changes', () => {
		const first = parse(buildBookingInvite(base).ics).event;
		const moved = parse(
			buildBookingInvite({
				...base,
				sequence: 1,
				session: { ...base.session, startsAt: new Date('2027-01-13T09:30:00Z') }
			}).ics
		).event;
		expect(moved.uid).toBe(first.uid);
		expect(moved.sequence).toBe(first.sequence + 1);
	});

	it('cancels with METHOD:CANCEL and STATUS:CANCELLED on the same UID', () => {
		const { calendar, vevents, event } = parse(
			buildBookingInvite({ ...base, method: 'CANCEL', sequence: 2 }).ics
		);
		expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
		expect(vevents[0].getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(event.uid).toBe('booking-42-session-7@branch.example');
		expect(event.sequence).toBe(2);
	});

	it('uses CRLF line ends and folds long lines at 75 octets', () => {
		const { ics } = buildBookingInvite(base);
		const lines = ics.split('\r\n');
		expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
		expect(lines.every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
		expect(lines.some((line) => line.startsWith(' '))).toBe(true);
	});
});
