// Who may book which event, and when: a pure rule with the reasons a member sees.
import { formatDayAndTime } from '../../london-time.ts';
import type { Event } from '../db/schema/index.ts';

export type BookerStanding = {
	/** Email confirmed: any account may book open events. */
	emailVerified: boolean;
	/** Verified member with subs paid no more than 4 weeks ago (members/standing.ts). */
	inGoodStanding: boolean;
	/** Why not, in the member's words, when they are not in good standing. */
	standingProblem: string | null;
};

export type BookingDecision =
	{ allowed: true } | { allowed: false; reason: string; fix?: { label: string; href: string } };

/** Courses and grant help sessions are for members in good standing, as are members-only events. */
export function needsGoodStanding(event: Pick<Event, 'category' | 'membersOnly'>) {
	return (
		event.membersOnly || event.category === 'course' || event.category === 'fuel-grant-session'
	);
}

export function decideBooking(
	event: Pick<
		Event,
		'category' | 'membersOnly' | 'status' | 'booking' | 'bookingOpensAt' | 'bookingClosesAt'
	>,
	firstSessionStart: Date,
	standing: BookerStanding,
	now: Date
): BookingDecision {
	if (event.status === 'cancelled')
		return { allowed: false, reason: 'This event has been cancelled.' };
	if (event.status !== 'published')
		return { allowed: false, reason: 'This event is not open for booking.' };
	if (event.booking === 'none')
		return { allowed: false, reason: 'No booking needed — just turn up.' };
	if (now.getTime() >= firstSessionStart.getTime()) {
		return { allowed: false, reason: 'This event has already started, so booking has closed.' };
	}
	if (event.bookingOpensAt && now.getTime() < event.bookingOpensAt.getTime()) {
		return {
			allowed: false,
			reason: `Booking opens on ${formatDayAndTime(event.bookingOpensAt)}.`
		};
	}
	if (event.bookingClosesAt && now.getTime() >= event.bookingClosesAt.getTime()) {
		return { allowed: false, reason: 'Booking for this event has closed.' };
	}
	if (!standing.emailVerified) {
		return {
			allowed: false,
			reason: 'Confirm your email address before booking.',
			fix: { label: 'Confirm your email', href: '/verify-email' }
		};
	}
	if (needsGoodStanding(event) && !standing.inGoodStanding) {
		const who =
			event.category === 'course' || event.category === 'fuel-grant-session'
				? 'Courses and grant help sessions are'
				: 'This event is';
		return {
			allowed: false,
			reason:
				`${who} for branch members whose subs are up to date. ${standing.standingProblem ?? ''}`.trim(),
			fix: { label: 'Check your membership', href: '/account' }
		};
	}
	return { allowed: true };
}
