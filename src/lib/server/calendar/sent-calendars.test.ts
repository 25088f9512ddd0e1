import ICAL from 'ical.js';
import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { bookPlace } from '../bookings/book.ts';
import { cancelBooking } from '../bookings/cancel.ts';
import { calendarFeedToken } from '../bookings/member-bookings.ts';
import { memberBookingCalendar, memberFeedCalendar } from '../bookings/member-calendar.ts';
import { config } from '../config.ts';
import { db, table } from '../db/index.ts';
import { findPublicEvent, listFeedEvents } from '../events/catalogue.ts';
import { cancelEvent } from '../organiser/event-cancel.ts';
import { updateEvent } from '../organiser/event-editor.ts';
import { eventFormValues, validateEventForm } from '../organiser/event-form.ts';
import {
	createEvent,
	createMember,
	createMemberInGoodStanding,
	emptyDatabase
} from '../testing/fixtures.ts';
import { buildPublicCalendar } from './event-calendar.ts';

// Every calendar file the branch really sends or serves, read back by ical.js as a calendar
// client would: a summer session (10:30 British Summer Time, 09:30 UTC) must stay at 10:30.
const now = new Date('2027-06-01T09:00:00Z');
const SUMMER = {
	startsAt: new Date('2027-07-13T09:30:00Z'),
	endsAt: new Date('2027-07-13T11:00:00Z')
};

beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.outbox);
});

/** The file's own VTIMEZONE defines Europe/London; every time in it is local with that TZID. */
function readCalendar(ics: string) {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	const zones = calendar.getAllSubcomponents('vtimezone');
	expect(zones).toHaveLength(1);
	expect(zones[0].getFirstPropertyValue('tzid')).toBe('Europe/London');
	expect(zones[0].getAllSubcomponents('daylight').length).toBeGreaterThan(0);
	ICAL.TimezoneService.register(new ICAL.Timezone(zones[0]), 'Europe/London');
	const events = calendar.getAllSubcomponents('vevent');
	expect(events.length).toBeGreaterThan(0);
	for (const vevent of events) {
		for (const name of ['dtstart', 'dtend']) {
			expect(vevent.getFirstProperty(name)!.getParameter('tzid')).toBe('Europe/London');
		}
	}
	return { calendar, events: events.map((v) => new ICAL.Event(v)) };
}

function expectLocal(ev: ICAL.Event, hour: number, minute: number, utc: string) {
	expect([ev.startDate.hour, ev.startDate.minute]).toEqual([hour, minute]);
	expect(ev.startDate.toJSDate().toISOString()).toBe(utc);
}

async function sent(email: string, template: string) {
	const rows = await db
		.select()
		.from(table.outbox)
		.where(eq(table.outbox.recipient, email))
		.orderBy(asc(table.outbox.id));
	const row = rows.find((r) => r.template === template);
	expect(row?.calendarIcs, `${template} to ${email}`).toBeTruthy();
	return { method: row!.calendarMethod, ...readCalendar(row!.calendarIcs!) };
}

describe('every calendar file the branch sends', () => {
	it('REQUEST, update and CANCEL invitations parse in ical.js in Europe/London, keeping summer time', async () => {
		const organiser = await createMember({ roles: ['organiser'] });
		const event = await createEvent({ capacity: 1, sessions: [SUMMER] });
		const [amara, ben] = [
			await createMemberInGoodStanding(now),
			await createMemberInGoodStanding(now)
		];
		const booked = await bookPlace(
			{ eventId: event.id, userId: amara.id, answers: {}, guests: 0 },
			now
		);
		const waiting = await bookPlace(
			{ eventId: event.id, userId: ben.id, answers: {}, guests: 0 },
			now
		);
		if (!booked.ok || !waiting.ok) throw new Error('booking failed');

		const request = await sent(amara.email, 'booking-confirmed');
		expect(request.method).toBe('REQUEST');
		expect(request.calendar.getFirstPropertyValue('method')).toBe('REQUEST');
		expectLocal(request.events[0], 10, 30, '2027-07-13T09:30:00.000Z');

		// The organiser moves the session to the afternoon: the update keeps the UID.
		const [session] = await db
			.select()
			.from(table.eventSessions)
			.where(eq(table.eventSessions.eventId, event.id));
		const values = eventFormValues(event, [session]);
		const checked = validateEventForm({
			...values,
			sessions: [{ ...values.sessions[0], start: '14:00', end: '15:30' }]
		});
		if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
		expect(await updateEvent(event, checked.draft, organiser.id, false, now)).toMatchObject({
			ok: true
		});
		const update = await sent(amara.email, 'event-changed');
		expect(update.method).toBe('REQUEST');
		expect(update.events[0].uid).toBe(request.events[0].uid);
		expect(update.events[0].sequence).toBeGreaterThan(request.events[0].sequence);
		expectLocal(update.events[0], 14, 0, '2027-07-13T13:00:00.000Z');

		// Amara gives up her place: a CANCEL that asks for no reply. Ben is offered it and accepts.
		expect(await cancelBooking({ bookingUid: booked.booking.uid, userId: amara.id }, now)).toEqual({
			ok: true,
			was: 'confirmed'
		});
		const cancel = await sent(amara.email, 'booking-cancelled');
		expect(cancel.method).toBe('CANCEL');
		expect(cancel.events[0].uid).toBe(request.events[0].uid);
		const attendee = cancel.calendar.getFirstSubcomponent('vevent')!.getFirstProperty('attendee')!;
		expect(attendee.getParameter('rsvp')).toBe('FALSE');
		expectLocal(cancel.events[0], 14, 0, '2027-07-13T13:00:00.000Z');

		expect(await bookPlace({ offer: waiting.booking.uid, userId: ben.id }, now)).toMatchObject({
			ok: true
		});
		const accepted = await sent(ben.email, 'booking-confirmed');
		expect(accepted.method).toBe('REQUEST');
		expectLocal(accepted.events[0], 14, 0, '2027-07-13T13:00:00.000Z');

		// The organisers call the event off: Ben's calendar is told with a CANCEL too.
		const [current] = await db.select().from(table.events).where(eq(table.events.id, event.id));
		expect(await cancelEvent(current, 'The venue flooded', organiser.id, now)).toMatchObject({
			ok: true
		});
		const calledOff = await sent(ben.email, 'event-cancelled');
		expect(calledOff.method).toBe('CANCEL');
		expect(calledOff.events[0].uid).toBe(accepted.events[0].uid);
		expectLocal(calledOff.events[0], 14, 0, '2027-07-13T13:00:00.000Z');
	});

	it('the public feed, one event’s file, a member’s feed and their Add to calendar parse the same way', async () => {
		const event = await createEvent({ sessions: [SUMMER] });
		const member = await createMemberInGoodStanding(now);
		const booked = await bookPlace(
			{ eventId: event.id, userId: member.id, answers: {}, guests: 0 },
			now
		);
		if (!booked.ok) throw new Error('booking failed');
		const invitation = await sent(member.email, 'booking-confirmed');

		const publicFeed = readCalendar(
			buildPublicCalendar(await listFeedEvents({ now }), config, 'All')
		);
		expectLocal(publicFeed.events[0], 10, 30, '2027-07-13T09:30:00.000Z');
		const found = await findPublicEvent(event.slug);
		const oneEvent = readCalendar(buildPublicCalendar([found!], config, event.title));
		expectLocal(oneEvent.events[0], 10, 30, '2027-07-13T09:30:00.000Z');

		const token = await calendarFeedToken(member.id);
		const feed = readCalendar((await memberFeedCalendar(token))!);
		expectLocal(feed.events[0], 10, 30, '2027-07-13T09:30:00.000Z');
		expect(feed.events[0].uid).toBe(invitation.events[0].uid);
		const own = readCalendar((await memberBookingCalendar(member.id, booked.booking.uid))!.ics);
		expect(own.events[0].uid).toBe(invitation.events[0].uid);
		expectLocal(own.events[0], 10, 30, '2027-07-13T09:30:00.000Z');
	});
});
