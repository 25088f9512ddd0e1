// The confirmation of a place: what was booked, when and where (with the joining link), the QR
// ticket, what the member told us when booking and how to change it, a course's release-time
// letter, and the calendar invitation: the first session's is attached, and a course with more
// sessions sends one more invitation per session, since each calendar object needs its own message.
import { CALENDAR_DECLINE_NOTE } from '../calendar/booking-invite.ts';
import type { OutgoingEmail } from '../email/message.ts';
import type { Block } from '../email/templates/layout.ts';
import { formatDayAndTime, formatSessionTime } from '../../london-time.ts';
import { ticketToken } from '../door/tickets.ts';
import { ACCESS_NEEDS } from './answers.ts';
import {
	compose,
	eventUrl,
	invite,
	manageUrl,
	reason,
	whenAndWhere,
	type BookingContext
} from './booking-email-parts.ts';

/** The QR ticket shown at the door: a picture from the site (mail apps block data: images). */
function ticket(c: BookingContext): Block {
	return {
		kind: 'image',
		src: `${c.config.origin}/tickets/${ticketToken(c.bookingUid, c.event.id)}/qr.png`,
		alt: `Your ticket for ${c.event.title}: a QR code to show at the door`,
		width: 200,
		href: `${c.config.origin}/account/bookings/${c.bookingUid}/ticket`,
		linkText: 'Open or print your ticket'
	};
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The member's answers as the confirmation restates them, one row a question asked. */
export function answersRestated(c: BookingContext): [string, string][] {
	const questions = c.event.bookingQuestions;
	const answers = c.booking?.answers ?? {};
	const rows: [string, string][] = [];
	if (c.event.guestsAllowed > 0)
		rows.push([
			'Guests',
			c.booking?.guests ? `${plural(c.booking.guests, 'guest', 'guests')} with you` : 'None'
		]);
	if (questions.accessNeeds) {
		const needs = (answers.accessNeeds ?? []).map(
			(need) => ACCESS_NEEDS[need as keyof typeof ACCESS_NEEDS] ?? need
		);
		const told = [needs.join(', '), answers.accessNotes].filter(Boolean).join('. ');
		rows.push(['Access needs', told || 'None given']);
	}
	if (questions.dietary) rows.push(['Dietary needs', answers.dietary || 'None given']);
	if (questions.employer) rows.push(['Employer', answers.employer || 'Not given']);
	return rows;
}

function whatYouToldUs(c: BookingContext): Block[] {
	const rows = answersRestated(c);
	if (!rows.length) return [];
	return [
		{ kind: 'paragraph', text: 'What you told us when you booked:' },
		{ kind: 'facts', rows },
		{
			kind: 'paragraph',
			text: 'Anything wrong or changed? Reply to this email and the organisers will update your booking before the event. To bring more guests than this, cancel and book again while places are free.'
		}
	];
}

function courseLetter(c: BookingContext): Block[] {
	if (c.event.category !== 'course') return [];
	return [
		{
			kind: 'paragraph',
			text: 'Union reps and members have a right to paid time off for union training. Give your employer our letter asking for it, ready to print or send:'
		},
		{
			kind: 'button',
			text: 'Letter asking your employer for time off',
			href: `${c.config.origin}/account/bookings/${c.bookingUid}/release-letter`
		}
	];
}

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
				whenAndWhere(c, 'place-holder'),
				ticket(c),
				...whatYouToldUs(c),
				...courseLetter(c),
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
