// Public calendar files (METHOD:PUBLISH): one event's .ics and the branch's subscribable feed.
// Times are Europe/London wall-clock times with the zone's VTIMEZONE (london-calendar.ts).
import { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { LONDON } from '../../london-time.ts';
import { calendarText, londonCalendar, londonWallClock } from './london-calendar.ts';
import type { Event, EventSession } from '../db/schema/index.ts';
import { bookingSessionUid, CALENDAR_DECLINE_NOTE } from './booking-invite.ts';
import { calendarName, calendarProductId, plainCalendarText as text } from './calendar-text.ts';

export type CalendarSite = { origin: string; calendarDomain: string; branchName: string };

/** One UID per session, stable for the life of the event, qualified by the branch's domain. */
export function sessionUid(eventId: number, sessionId: number, calendarDomain: string) {
	return `event-${eventId}-session-${sessionId}@${calendarDomain}`;
}

/**
 * Where an event happens. The joining link of an online event is only for people with a
 * confirmed place, so the public files say "Online" and a member's own calendar carries the link.
 */
export function eventLocation(event: Event, audience: 'public' | 'attendee') {
	const address = text([event.venueAddress, event.venuePostcode].filter(Boolean).join(', '));
	const venue = text(event.venueName ?? '').trim();
	// ical-generator refuses a location without a title, so a name that was all control
	// characters counts as no name.
	if (venue) return { title: venue, address: address || undefined };
	const onlineUrl = text(event.onlineUrl ?? '').trim();
	if (!onlineUrl) return null;
	return { title: audience === 'attendee' ? `Online: ${onlineUrl}` : 'Online' };
}

function publishedCalendar(site: CalendarSite, name: string) {
	return londonCalendar({
		name: calendarName(name),
		method: ICalCalendarMethod.PUBLISH,
		prodId: calendarProductId(site.branchName)
	});
}

/** What every published entry for one session says: its time, title, place and status. */
function sessionEntry(
	event: Event,
	sessions: EventSession[],
	i: number,
	now: Date,
	audience: 'public' | 'attendee'
) {
	const session = sessions[i];
	const part = sessions.length > 1 ? ` (session ${i + 1} of ${sessions.length})` : '';
	return {
		sequence: event.sequence,
		stamp: now,
		start: londonWallClock(session.startsAt),
		end: londonWallClock(session.endsAt),
		timezone: LONDON,
		summary: `${text(event.title)}${part}`,
		location: eventLocation(event, audience),
		status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
	};
}

export function buildPublicCalendar(
	items: { event: Event; sessions: EventSession[] }[],
	site: CalendarSite,
	name: string,
	now = new Date()
) {
	const calendar = publishedCalendar(site, name);
	for (const { event, sessions } of items) {
		const url = `${site.origin}/events/${event.slug}`;
		sessions.forEach((session, i) => {
			const notes = event.accessNotes ? `\n\nAccess: ${text(event.accessNotes)}` : '';
			calendar.createEvent({
				...sessionEntry(event, sessions, i, now, 'public'),
				id: sessionUid(event.id, session.id, site.calendarDomain),
				description: `${text(event.summary)}${notes}\n\n${url}`,
				url
			});
		});
	}
	return calendarText(calendar, now);
}

/**
 * A member's confirmed places as a PUBLISH calendar (their feed, or one booking's "Add to
 * calendar" file). The UIDs are the ones their invitations carry, so calendars that already
 * hold an invitation update it rather than adding a second copy.
 */
export function buildMemberCalendar(
	items: { booking: { uid: string }; event: Event; sessions: EventSession[] }[],
	site: CalendarSite,
	name: string,
	now = new Date()
) {
	const calendar = publishedCalendar(site, name);
	for (const { booking, event, sessions } of items) {
		sessions.forEach((session, i) => {
			calendar.createEvent({
				...sessionEntry(event, sessions, i, now, 'attendee'),
				id: bookingSessionUid(booking.uid, session.id, site.calendarDomain),
				description: `${text(event.summary)}\n\n${CALENDAR_DECLINE_NOTE}\n\n${site.origin}/account/bookings`,
				url: `${site.origin}/events/${event.slug}`
			});
		});
	}
	return calendarText(calendar, now);
}
