// The emails a place on the waiting list, an offer, a cancellation and a reminder send, on the
// shared layout: what happened, when and where, what to do next, and how to manage the booking.
// The confirmation of a place is in confirmation-email.ts.
import type { EventSession } from '../db/schema/index.ts';
import type { OutgoingEmail } from '../email/message.ts';
import {
	compose,
	eventUrl,
	manageUrl,
	POSITION_PLACEHOLDER,
	reason,
	invite,
	laterSessionCancellations,
	whenAndWhere,
	type BookingContext
} from './booking-email-parts.ts';
import { formatDayAndTime, formatSessionTime } from '../../london-time.ts';
import { describeOfferWindow } from './offer-window.ts';

export function joinedWaitingListEmail(c: BookingContext): OutgoingEmail {
	return compose(c, `booking-waitlisted/${c.bookingUid}`, 'booking-waitlisted', {
		subject: `Waiting list: ${c.event.title}`,
		preview: `You are number ${POSITION_PLACEHOLDER} on the waiting list.`,
		heading: `You are number ${POSITION_PLACEHOLDER} on the waiting list`,
		blocks: [
			{ kind: 'paragraph', text: `Hello ${c.member.name},` },
			{
				kind: 'paragraph',
				text: `${c.event.title} is full, so you are on the waiting list. ${describeOfferWindow()}`
			},
			whenAndWhere(c, 'without-place'),
			{
				kind: 'paragraph',
				text: 'Changed your mind? Use Leave the waiting list on your bookings page.'
			},
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
			{
				kind: 'paragraph',
				text: 'Cannot come? Decline the place, and it goes straight to the next person; you leave the waiting list.'
			},
			whenAndWhere(c, 'without-place'),
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

type CancelledBy = 'member' | 'organiser' | 'account-deleted';

function whoCancelled(c: BookingContext, by: CancelledBy, wasConfirmed: boolean) {
	if (by === 'organiser')
		return `An organiser has cancelled your booking for ${c.event.title}. If you think this is a mistake, reply to this email.`;
	if (by === 'account-deleted')
		return `You deleted your account, so your booking for ${c.event.title} is cancelled${wasConfirmed ? ' and taken out of your calendar' : ''}.`;
	return wasConfirmed
		? `You cancelled your booking for ${c.event.title}. Thank you for letting us know: your place can now go to someone else.`
		: `You have left the waiting list for ${c.event.title}, so we will not offer you a place.`;
}

/** Cancelling a confirmed place takes every session out of the member's calendar. */
export function placeCancelledEmails(
	c: BookingContext,
	by: CancelledBy,
	wasConfirmed: boolean
): OutgoingEmail[] {
	const sequence = c.event.sequence + 1;
	const [first] = c.sessions;
	const notice = compose(c, `booking-cancelled/${c.bookingUid}`, 'booking-cancelled', {
		subject: wasConfirmed
			? `Cancelled: ${c.event.title}`
			: `Off the waiting list: ${c.event.title}`,
		preview: wasConfirmed
			? 'Your booking has been cancelled.'
			: 'You are no longer on the waiting list.',
		heading: wasConfirmed ? 'Your booking is cancelled' : 'You are off the waiting list',
		blocks: [
			{ kind: 'paragraph', text: `Hello ${c.member.name},` },
			{ kind: 'paragraph', text: whoCancelled(c, by, wasConfirmed) },
			whenAndWhere(c, 'without-place'),
			...(by === 'account-deleted'
				? []
				: [
						{
							kind: 'paragraph' as const,
							text: `Changed your mind? If places are free you can book again: ${eventUrl(c)}`
						}
					])
		],
		reason: reason(c)
	});
	if (!wasConfirmed) return [notice];
	notice.calendar = invite(c, 'CANCEL', first, sequence);
	const others = laterSessionCancellations(
		c,
		sequence,
		'booking-session-cancel',
		(session) => `booking-cancel-invite/${c.bookingUid}/session-${session.id}`
	);
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
			whenAndWhere(c, 'place-holder'),
			{
				kind: 'paragraph',
				text: 'Cannot come after all? Please cancel so someone on the waiting list can have your place.'
			},
			{ kind: 'button', text: 'Manage or cancel your booking', href: manageUrl(c) }
		],
		reason: reason(c)
	});
}
