// What the event and booking pages show a signed-in member: their booking if they have one,
// otherwise whether they may book, and why not.
import { memberStanding } from '../members/standing.ts';
import type { Event, User } from '../db/schema/index.ts';
import { waitingPositionOf } from './book.ts';
import { findLiveBooking } from './booking-context.ts';
import { decideBooking, type BookingDecision } from './eligibility.ts';

export type MemberView = {
	booking: {
		uid: string;
		status: 'confirmed' | 'waitlisted' | 'offered';
		position: number | null;
		offerExpiresAt: Date | null;
	} | null;
	decision: BookingDecision;
};

export async function memberViewOfEvent(
	user: User,
	event: Event,
	firstSessionStart: Date,
	now = new Date()
): Promise<MemberView> {
	const booking = await findLiveBooking(event.id, user.id);
	const standing = await memberStanding(user.id, now);
	const decision = decideBooking(
		event,
		firstSessionStart,
		{ emailVerified: Boolean(user.emailVerifiedAt), standing },
		now
	);
	if (!booking || booking.status === 'cancelled') return { booking: null, decision };
	return {
		booking: {
			uid: booking.uid,
			status: booking.status,
			position: await waitingPositionOf(booking),
			offerExpiresAt: booking.offerExpiresAt
		},
		decision
	};
}
