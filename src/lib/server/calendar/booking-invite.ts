// iTIP invitations (RFC 5546) for one member's place at one session: REQUEST to add or update
// it in their calendar, CANCEL to take it out. One calendar object per message, one stable UID
// per booking and session, SEQUENCE from the event, times as UTC instants.
import ical, {
	ICalAttendeeRole,
	ICalAttendeeStatus,
	ICalCalendarMethod,
	ICalEventStatus
} from 'ical-generator';
import type { CalendarMethod } from '../db/schema/index.ts';

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
	const calendar = ical({
		method: input.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
		prodId: { company: input.branchName, product: 'Branchdesk', language: 'EN' },
		name: input.branchName
	});
	const part = session.of > 1 ? ` (session ${session.number} of ${session.of})` : '';
	const place = [event.venueName, event.venueAddress, event.venuePostcode]
		.filter(Boolean)
		.join(', ');
	const description = [
		event.summary,
		event.accessNotes ? `Access: ${event.accessNotes}` : null,
		event.onlineUrl ? `Join online: ${event.onlineUrl}` : null,
		CALENDAR_DECLINE_NOTE,
		`Manage your booking: ${input.manageUrl}`
	]
		.filter(Boolean)
		.join('\n\n');

	calendar.createEvent({
		id: bookingSessionUid(input.bookingId, session.id, input.calendarDomain),
		sequence: input.sequence,
		stamp: input.now ?? new Date(),
		start: session.startsAt,
		end: session.endsAt,
		summary: `${event.title}${part}`,
		description,
		location: place || event.onlineUrl || null,
		url: input.manageUrl,
		status: input.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
		organizer: { name: input.organizer.name, email: input.organizer.email },
		attendees: [
			{
				email: input.attendee.email,
				name: input.attendee.name,
				role: ICalAttendeeRole.REQ,
				status: ICalAttendeeStatus.NEEDSACTION,
				rsvp: true
			}
		]
	});
	return { method: input.method, ics: calendar.toString() };
}
