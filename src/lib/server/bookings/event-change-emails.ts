// The emails an organiser's change to a whole event sends: a moved or re-sited event updates
// every confirmed attendee's calendar (same UID, higher SEQUENCE), and a cancelled event takes
// it out of every calendar and tells everyone waiting or offered.
import { CALENDAR_DECLINE_NOTE } from '../calendar/booking-invite.ts';
import type { OutgoingEmail } from '../email/message.ts';
import type { BookingStatus } from '../db/schema/index.ts';
import {
	compose,
	eventCancelledOpening,
	invite,
	laterSessionCancellations,
	manageUrl,
	reason,
	whenAndWhere,
	type BookingContext
} from './booking-email-parts.ts';

/**
 * One updated invitation per session, the first carrying the explanation. `c.event.sequence`
 * is already the raised sequence, and it is in every key: each change is a new set of emails.
 */
export function eventChangedEmails(c: BookingContext, whatChanged: string): OutgoingEmail[] {
	const sequence = c.event.sequence;
	return c.sessions.map((session, i) => {
		const many = c.sessions.length > 1;
		const email = compose(
			c,
			`event-changed/${c.bookingUid}/session-${session.id}/seq-${sequence}`,
			i === 0 ? 'event-changed' : 'event-changed-session',
			{
				subject: `Changed: ${c.event.title}${many && i > 0 ? `, session ${i + 1} of ${c.sessions.length}` : ''}`,
				preview: whatChanged,
				heading: i === 0 ? 'Your event has changed' : `Session ${i + 1} of ${c.sessions.length}`,
				blocks: [
					...(i === 0 ? [{ kind: 'paragraph' as const, text: `Hello ${c.member.name},` }] : []),
					{
						kind: 'paragraph',
						text: `${c.event.title} has changed. ${whatChanged} Your place is still booked.`
					},
					whenAndWhere(c, 'place-holder'),
					{
						kind: 'paragraph',
						text: 'The attached calendar invitation updates the entry already in your calendar.'
					},
					{ kind: 'notice', text: CALENDAR_DECLINE_NOTE },
					{ kind: 'button', text: 'Manage or cancel your booking', href: manageUrl(c) }
				],
				reason: reason(c)
			}
		);
		email.calendar = invite(c, 'REQUEST', session, sequence);
		return email;
	});
}

/** What the member loses with the event, as the cancellation email names it. */
const cancelledBooking = (status: BookingStatus) =>
	status === 'offered'
		? 'offer of a place'
		: status === 'waitlisted'
			? 'place on the waiting list'
			: 'place';

/** `c.event` carries the raised sequence; confirmed places get a CANCEL for every session. */
export function eventCancelledEmails(
	c: BookingContext,
	why: string,
	status: BookingStatus
): OutgoingEmail[] {
	const wasConfirmed = status === 'confirmed';
	const sequence = c.event.sequence;
	const [first] = c.sessions;
	const opening = eventCancelledOpening(
		c,
		why,
		`your ${cancelledBooking(status)} is cancelled too`
	);
	const notice = compose(c, `event-cancelled/${c.bookingUid}/seq-${sequence}`, 'event-cancelled', {
		...opening,
		blocks: [
			...opening.blocks,
			whenAndWhere(c, 'without-place'),
			...(wasConfirmed
				? [
						{
							kind: 'paragraph' as const,
							text: 'The attached calendar cancellation removes it from your calendar.'
						}
					]
				: [])
		],
		reason: reason(c)
	});
	if (!wasConfirmed) return [notice];
	notice.calendar = invite(c, 'CANCEL', first, sequence);
	const others = laterSessionCancellations(
		c,
		sequence,
		'event-cancelled-session',
		(session) => `event-cancelled/${c.bookingUid}/session-${session.id}/seq-${sequence}`
	);
	return [notice, ...others];
}
