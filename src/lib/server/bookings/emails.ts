// The emails a booking sends, on the shared layout: what happened, when and where, what to do
// next, and always how to manage or cancel the place.
import { buildBookingInvite, CALENDAR_DECLINE_NOTE } from '../calendar/booking-invite.ts';
import type { Config } from '../config.ts';
import type { Event, EventSession } from '../db/schema/index.ts';
import type { OutgoingEmail } from '../email/message.ts';
import { renderEmail, type Block } from '../email/templates/layout.ts';
import { formatDayAndTime, formatSessionTime } from '../../london-time.ts';
import { ticketToken } from '../door/tickets.ts';

export type BookingContext = {
	config: Pick<Config, 'origin' | 'branchName' | 'calendarDomain' | 'email'>;
	event: Event;
	sessions: EventSession[];
	member: { email: string; name: string };
	bookingUid: string;
};

/** Replaced in SQL by the member's place in the queue, which is known only once written. */
export const POSITION_PLACEHOLDER = '{{waiting-list-position}}';

export const manageUrl = (c: BookingContext) => `${c.config.origin}/account/bookings`;
const eventUrl = (c: BookingContext) => `${c.config.origin}/events/${c.event.slug}`;

export function whenAndWhere(c: BookingContext): Block {
	const when = c.sessions
		.map(
			(s, i) =>
				`${c.sessions.length > 1 ? `Session ${i + 1}: ` : ''}${formatSessionTime(s.startsAt, s.endsAt)}`
		)
		.join('\n');
	const where = [c.event.venueName, c.event.venueAddress, c.event.venuePostcode]
		.filter(Boolean)
		.join(', ');
	const rows: [string, string][] = [['When', when]];
	if (where) rows.push(['Where', where]);
	if (c.event.onlineUrl) rows.push(['Online', c.event.onlineUrl]);
	if (c.event.accessNotes) rows.push(['Access', c.event.accessNotes]);
	return { kind: 'facts', rows };
}

/** The QR ticket shown at the door, and for a course the letter asking for time off. */
function ticketBlocks(c: BookingContext): Block[] {
	const page = `${c.config.origin}/account/bookings/${c.bookingUid}`;
	const blocks: Block[] = [
		{
			kind: 'image',
			src: `${c.config.origin}/tickets/${ticketToken(c.bookingUid, c.event.id)}/qr.png`,
			alt: `Your ticket for ${c.event.title}: a QR code to show at the door`,
			width: 200,
			href: `${page}/ticket`,
			linkText: 'Open or print your ticket'
		}
	];
	if (c.event.category === 'course')
		blocks.push({
			kind: 'paragraph',
			text: `A letter asking your employer for paid time off to attend: ${page}/release-letter`
		});
	return blocks;
}

export function compose(
	c: BookingContext,
	idempotencyKey: string,
	template: string,
	content: Parameters<typeof renderEmail>[0]
): OutgoingEmail {
	return { idempotencyKey, template, to: c.member, ...renderEmail(content, c.config) };
}

export function invite(
	c: BookingContext,
	method: 'REQUEST' | 'CANCEL',
	session: EventSession,
	sequence: number
) {
	return buildBookingInvite({
		method,
		bookingId: c.bookingUid,
		sequence,
		event: c.event,
		session: {
			id: session.id,
			startsAt: session.startsAt,
			endsAt: session.endsAt,
			number: c.sessions.indexOf(session) + 1,
			of: c.sessions.length
		},
		organizer: { email: c.config.email.fromAddress, name: c.config.email.fromName },
		attendee: c.member,
		manageUrl: manageUrl(c),
		calendarDomain: c.config.calendarDomain,
		branchName: c.config.branchName
	});
}

export const reason = (c: BookingContext) =>
	`You got this email because you booked a place at ${c.event.title} with ${c.config.branchName}.`;

/**
 * A confirmed place: the confirmation carries the first session's invitation; a course with
 * more sessions sends one more invitation per session, since each calendar object needs its
 * own message.
 */
export function placeConfirmedEmails(
	c: BookingContext,
	heading = 'Your place is booked'
): OutgoingEmail[] {
	const sequence = c.event.sequence;
	const [first, ...rest] = c.sessions;
	const confirmation = compose(
		c,
		`booking-confirmed/${c.bookingUid}/seq-${sequence}`,
		'booking-confirmed',
		{
			subject: `Booked: ${c.event.title}`,
			preview: `Your place is confirmed for ${formatDayAndTime(first.startsAt)}.`,
			heading,
			blocks: [
				{ kind: 'paragraph', text: `Hello ${c.member.name},` },
				{ kind: 'paragraph', text: `Your place at ${c.event.title} is confirmed.` },
				whenAndWhere(c),
				...ticketBlocks(c),
				{
					kind: 'paragraph',
					text: rest.length
						? `The calendar invitation for the first session is attached; each other session follows in its own email.`
						: 'A calendar invitation is attached.'
				},
				{ kind: 'notice', text: CALENDAR_DECLINE_NOTE },
				{ kind: 'button', text: 'Manage or cancel your booking', href: manageUrl(c) },
				{ kind: 'paragraph', text: `Event details: ${eventUrl(c)}` }
			],
			reason: reason(c)
		}
	);
	confirmation.calendar = invite(c, 'REQUEST', first, sequence);
	const others = rest.map((session, i) => ({
		...compose(
			c,
			`booking-invite/${c.bookingUid}/session-${session.id}/seq-${sequence}`,
			'booking-session-invite',
			{
				subject: `Calendar invitation: ${c.event.title}, session ${i + 2} of ${c.sessions.length}`,
				preview: formatSessionTime(session.startsAt, session.endsAt),
				heading: `Session ${i + 2} of ${c.sessions.length}`,
				blocks: [
					{
						kind: 'paragraph',
						text: `This is the calendar invitation for session ${i + 2} of ${c.event.title}: ${formatSessionTime(session.startsAt, session.endsAt)}.`
					},
					{ kind: 'notice', text: CALENDAR_DECLINE_NOTE },
					{ kind: 'button', text: 'Manage or cancel your booking', href: manageUrl(c) }
				],
				reason: reason(c)
			}
		),
		calendar: invite(c, 'REQUEST', session, sequence)
	}));
	return [confirmation, ...others];
}

export function joinedWaitingListEmail(c: BookingContext): OutgoingEmail {
	return compose(c, `booking-waitlisted/${c.bookingUid}`, 'booking-waitlisted', {
		subject: `Waiting list: ${c.event.title}`,
		preview: `You are number ${POSITION_PLACEHOLDER} on the waiting list.`,
		heading: `You are number ${POSITION_PLACEHOLDER} on the waiting list`,
		blocks: [
			{ kind: 'paragraph', text: `Hello ${c.member.name},` },
			{
				kind: 'paragraph',
				text: `${c.event.title} is full, so you are on the waiting list. If a place comes up we will email you an offer, and you will have a limited time to accept it.`
			},
			whenAndWhere(c),
			{ kind: 'button', text: 'See your bookings', href: manageUrl(c) }
		],
		reason: reason(c)
	});
}

export function placeOfferedEmail(c: BookingContext, expiresAt: Date): OutgoingEmail {
	return compose(c, `booking-offer/${c.bookingUid}/${expiresAt.getTime()}`, 'booking-offer', {
		subject: `A place has come up: ${c.event.title}`,
		preview: `Accept by ${formatDayAndTime(expiresAt)} or it goes to the next person.`,
		heading: 'A place has come up for you',
		blocks: [
			{ kind: 'paragraph', text: `Hello ${c.member.name},` },
			{
				kind: 'paragraph',
				text: `A place at ${c.event.title} has come up and it is yours if you want it. Accept it by ${formatDayAndTime(expiresAt)}; after that it goes to the next person on the waiting list.`
			},
			whenAndWhere(c),
			{ kind: 'button', text: 'Accept place or decline place', href: manageUrl(c) }
		],
		reason: reason(c)
	});
}

export function offerExpiredEmail(c: BookingContext): OutgoingEmail {
	return compose(c, `booking-offer-expired/${c.bookingUid}`, 'booking-offer-expired', {
		subject: `Offer expired: ${c.event.title}`,
		preview: 'The place we offered you has gone to the next person.',
		heading: 'Your offer has expired',
		blocks: [
			{ kind: 'paragraph', text: `Hello ${c.member.name},` },
			{
				kind: 'paragraph',
				text: `We offered you a place at ${c.event.title}, but it was not accepted in time, so it has gone to the next person on the waiting list.`
			},
			{ kind: 'paragraph', text: `If places are still free you can book again: ${eventUrl(c)}` }
		],
		reason: reason(c)
	});
}

/** Cancelling a confirmed place takes every session out of the member's calendar. */
export function placeCancelledEmails(
	c: BookingContext,
	byOrganiser: boolean,
	wasConfirmed: boolean
): OutgoingEmail[] {
	const sequence = c.event.sequence + 1;
	const [first, ...rest] = c.sessions;
	const notice = compose(c, `booking-cancelled/${c.bookingUid}`, 'booking-cancelled', {
		subject: `Cancelled: ${c.event.title}`,
		preview: 'Your booking has been cancelled.',
		heading: 'Your booking is cancelled',
		blocks: [
			{ kind: 'paragraph', text: `Hello ${c.member.name},` },
			{
				kind: 'paragraph',
				text: byOrganiser
					? `An organiser has cancelled your booking for ${c.event.title}. If you think this is a mistake, reply to this email.`
					: `You cancelled your booking for ${c.event.title}. Thank you for letting us know: your place can now go to someone else.`
			},
			whenAndWhere(c),
			{
				kind: 'paragraph',
				text: `Changed your mind? If places are free you can book again: ${eventUrl(c)}`
			}
		],
		reason: reason(c)
	});
	if (!wasConfirmed) return [notice];
	notice.calendar = invite(c, 'CANCEL', first, sequence);
	const others = rest.map((session, i) => ({
		...compose(
			c,
			`booking-cancel-invite/${c.bookingUid}/session-${session.id}`,
			'booking-session-cancel',
			{
				subject: `Calendar cancellation: ${c.event.title}, session ${i + 2} of ${c.sessions.length}`,
				preview: 'This session is removed from your calendar.',
				heading: `Session ${i + 2} of ${c.sessions.length} cancelled`,
				blocks: [
					{
						kind: 'paragraph',
						text: `This removes session ${i + 2} of ${c.event.title} from your calendar.`
					}
				],
				reason: reason(c)
			}
		),
		calendar: invite(c, 'CANCEL', session, sequence)
	}));
	return [notice, ...others];
}

export function reminderEmail(c: BookingContext, session: EventSession): OutgoingEmail {
	const number = c.sessions.indexOf(session) + 1;
	return compose(c, `reminder/${c.bookingUid}/session-${session.id}`, 'booking-reminder', {
		subject: `Tomorrow: ${c.event.title}${c.sessions.length > 1 ? ` (session ${number})` : ''}`,
		preview: formatSessionTime(session.startsAt, session.endsAt),
		heading: `See you tomorrow`,
		blocks: [
			{ kind: 'paragraph', text: `Hello ${c.member.name},` },
			{
				kind: 'paragraph',
				text: `A reminder that ${c.event.title}${c.sessions.length > 1 ? `, session ${number} of ${c.sessions.length},` : ''} is tomorrow: ${formatSessionTime(session.startsAt, session.endsAt)}.`
			},
			whenAndWhere(c),
			{
				kind: 'paragraph',
				text: 'Cannot come after all? Please cancel so someone on the waiting list can have your place.'
			},
			{ kind: 'button', text: 'Manage or cancel your booking', href: manageUrl(c) }
		],
		reason: reason(c)
	});
}
