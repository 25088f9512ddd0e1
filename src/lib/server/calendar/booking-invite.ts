// iTIP invitations (RFC 5546) for one member's place at one session: REQUEST to add or update
// it in their calendar, CANCEL to take it out. One calendar object per message, one stable UID
// per booking and session, SEQUENCE from the event, times in Europe/London with its VTIMEZONE.
import {
	ICalAttendeeRole,
	ICalAttendeeStatus,
	ICalCalendarMethod,
	ICalEventStatus
} from 'ical-generator';
import { calendarText, londonCalendar, londonWallClock } from './london-calendar.ts';
import type { CalendarMethod } from '../db/schema/index.ts';
import { LONDON } from '../../london-time.ts';
import {
	calendarParameterText,
	calendarName,
	calendarProductId,
	plainCalendarText as text
} from './calendar-text.ts';

export type InviteInput = {
	method: CalendarMethod;
	bookingId: string | number;
	sequence: number;
	event: {
		title: string;
		summary: string;
		venueName: string | null;
		venueAddress: string | null;
		venuePostcode: string | null;
		accessNotes: string | null;
		onlineUrl: string | null;
	};
	session: { id: number; startsAt: Date; endsAt: Date; number: number; of: number };
	organizer: { email: string; name: string };
	attendee: { email: string; name: string };
	/** Where the member manages (and cancels) their booking. */
	manageUrl: string;
	calendarDomain: string;
	branchName: string;
	now?: Date;
};

export const CALENDAR_DECLINE_NOTE =
	'Declining this invitation in your calendar does not give up your place. To free it for someone else, use Cancel booking on the branch website.';

export function bookingSessionUid(
	bookingId: string | number,
	sessionId: number,
	calendarDomain: string
) {
	return `booking-${bookingId}-session-${sessionId}@${calendarDomain}`;
}

export function buildBookingInvite(input: InviteInput) {
	const { event, session } = input;
	const stamp = input.now ?? new Date();
	const calendar = londonCalendar({
		method: input.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
		prodId: calendarProductId(input.branchName),
		name: calendarName(input.branchName)
	});
	const part = session.of > 1 ? ` (session ${session.number} of ${session.of})` : '';
	const place = text(
		[event.venueName, event.venueAddress, event.venuePostcode].filter(Boolean).join(', ')
	);
	const onlineUrl = event.onlineUrl ? text(event.onlineUrl) : null;
	// A CANCEL goes to someone who no longer holds the place: no joining link, nothing to reply.
	const cancelling = input.method === 'CANCEL';
	const description = [
		cancelling ? 'This booking is cancelled and taken out of your calendar.' : text(event.summary),
		!cancelling && event.accessNotes ? `Access: ${text(event.accessNotes)}` : null,
		!cancelling && onlineUrl ? `Join online: ${onlineUrl}` : null,
		cancelling ? null : CALENDAR_DECLINE_NOTE,
		`${cancelling ? 'Your bookings' : 'Manage your booking'}: ${input.manageUrl}`
	]
		.filter(Boolean)
		.join('\n\n');

	calendar.createEvent({
		id: bookingSessionUid(input.bookingId, session.id, input.calendarDomain),
		sequence: input.sequence,
		stamp,
		start: londonWallClock(session.startsAt),
		end: londonWallClock(session.endsAt),
		timezone: LONDON,
		summary: `${text(event.title)}${part}`,
		description,
		location: place || (onlineUrl ? (cancelling ? 'Online' : onlineUrl) : null),
		url: input.manageUrl,
		status: cancelling ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
		organizer: {
			name: calendarParameterText(input.organizer.name) || input.organizer.email,
			email: input.organizer.email
		},
		attendees: [
			{
				email: input.attendee.email,
				name: calendarParameterText(input.attendee.name),
				role: ICalAttendeeRole.REQ,
				status: ICalAttendeeStatus.NEEDSACTION,
				rsvp: !cancelling
			}
		]
	});
	return { method: input.method, ics: calendarText(calendar, stamp) };
}
