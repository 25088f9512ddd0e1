// Who may book which event, and when: a pure rule with the reasons a member sees.
import { formatDayAndTime } from '../../london-time.ts';
import type { Event } from '../db/schema/index.ts';
import { bookingEligibility, type Standing } from '../members/standing.ts';

export type BookingDecision =
	{ allowed: true } | { allowed: false; reason: string; fix?: { label: string; href: string } };

export function decideBooking(
	event: Pick<
		Event,
		'category' | 'membersOnly' | 'status' | 'booking' | 'bookingOpensAt' | 'bookingClosesAt'
	>,
	firstSessionStart: Date,
	person: { emailVerified: boolean; standing: Standing },
	now: Date,
	/** An organiser adding someone at the door while the event is on: the booking times do not apply. */
	options: { atTheDoor?: boolean } = {}
): BookingDecision {
	if (event.status === 'cancelled')
		return { allowed: false, reason: 'This event has been cancelled.' };
	if (event.status !== 'published')
		return { allowed: false, reason: 'This event is not open for booking.' };
	if (event.booking === 'none')
		return { allowed: false, reason: 'No booking needed — just turn up.' };
	const timesApply = !options.atTheDoor;
	if (timesApply && now.getTime() >= firstSessionStart.getTime()) {
		return { allowed: false, reason: 'This event has already started, so booking has closed.' };
	}
	if (timesApply && event.bookingOpensAt && now.getTime() < event.bookingOpensAt.getTime()) {
		return {
			allowed: false,
			reason: `Booking opens on ${formatDayAndTime(event.bookingOpensAt)}.`
		};
	}
	if (timesApply && event.bookingClosesAt && now.getTime() >= event.bookingClosesAt.getTime()) {
		return { allowed: false, reason: 'Booking for this event has closed.' };
	}
	const verdict = bookingEligibility(person, event);
	if (!verdict.allowed) {
		if (!person.emailVerified) {
			return {
				allowed: false,
				reason: verdict.reason,
				fix: { label: 'Confirm your email', href: '/verify-email' }
			};
		}
		const who =
			event.category === 'course' || event.category === 'fuel-grant-session'
				? 'Courses and grant help sessions are'
				: 'This event is';
		return {
			allowed: false,
			reason: `${who} for branch members whose subs are up to date. ${verdict.reason}`,
			fix: { label: 'Check your membership', href: '/account' }
		};
	}
	return { allowed: true };
}
