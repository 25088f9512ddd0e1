// What the account page says about a member: their details, a pending email change, and their
// membership in plain words with what each kind of booking still needs.
import { and, desc, eq, gt, isNull, ne } from 'drizzle-orm';
import { addDays, formatPlainDate } from '../../plain-date.ts';
import { db, table } from '../db/index.ts';
import type { User } from '../db/schema/index.ts';
import {
	bookingEligibility,
	memberStanding,
	SUBS_GRACE_DAYS,
	type Standing
} from '../members/standing.ts';
import { listMemberBookings } from '../bookings/member-bookings.ts';

/** How many coming bookings the account page lists before "all your bookings". */
export const NEXT_BOOKINGS_SHOWN = 3;

export type Entitlement = { label: string; allowed: boolean; reason: string | null };

export function membershipHeadline(standing: Standing) {
	if (!standing.verified) return 'You have not confirmed your membership yet.';
	if (standing.inGoodStanding) return 'You are a verified member in good standing.';
	return 'You are a verified member, but not in good standing at the moment.';
}

/** The sentence under the headline: what is wrong and what to do, said once. */
export function membershipExplanation(standing: Standing) {
	if (!standing.verified) {
		return 'Confirm it below with your membership number, surname and postcode.';
	}
	return standing.standingProblem;
}

const FOR_GOOD_STANDING = 'For members in good standing.';

/** What each kind of booking needs, and whether the member has it. */
export function entitlements(emailVerified: boolean, standing: Standing): Entitlement[] {
	const person = { emailVerified, standing };
	const booking = (label: string, category: 'celebration' | 'course' | 'fuel-grant-session') => {
		const verdict = bookingEligibility(person, { category, membersOnly: false });
		return {
			label,
			allowed: verdict.allowed,
			reason: verdict.allowed
				? null
				: category === 'celebration'
					? verdict.reason
					: FOR_GOOD_STANDING
		};
	};
	return [
		booking('Celebrations and days of action', 'celebration'),
		booking('Training courses', 'course'),
		booking('Winter fuel grant help sessions', 'fuel-grant-session'),
		{
			label: 'Applying for the winter fuel grant',
			allowed: standing.grantEligible,
			reason: standing.grantEligible
				? null
				: standing.inGoodStanding
					? standing.grantProblem
					: 'For members in good standing who joined at least 4 weeks ago.'
		}
	];
}

export async function accountOverview(user: User, now = new Date()) {
	const [standing, bookings, [pending]] = await Promise.all([
		memberStanding(user.id, now),
		listMemberBookings(user.id, now),
		db
			.select({ email: table.authTokens.email })
			.from(table.authTokens)
			.where(
				and(
					eq(table.authTokens.userId, user.id),
					eq(table.authTokens.kind, 'email-verification'),
					isNull(table.authTokens.usedAt),
					gt(table.authTokens.expiresAt, now),
					ne(table.authTokens.email, user.email)
				)
			)
			.orderBy(desc(table.authTokens.createdAt))
			.limit(1)
	]);
	return {
		name: user.name,
		email: user.email,
		pendingEmail: pending?.email ?? null,
		nextBookings: bookings.upcoming.slice(0, NEXT_BOOKINGS_SHOWN),
		moreBookings: Math.max(0, bookings.upcoming.length - NEXT_BOOKINGS_SHOWN),
		membership: {
			headline: membershipHeadline(standing),
			explanation: membershipExplanation(standing),
			verified: standing.verified,
			inGoodStanding: standing.inGoodStanding,
			membershipNumber: standing.membershipNumber,
			joinedOn: standing.joinedOn ? formatPlainDate(standing.joinedOn) : null,
			subsPaidTo: standing.subsPaidTo ? formatPlainDate(standing.subsPaidTo) : null,
			/** The last day the four weeks' grace after subsPaidTo keeps the member in good standing. */
			goodStandingUntil: standing.subsPaidTo
				? formatPlainDate(addDays(standing.subsPaidTo, SUBS_GRACE_DAYS))
				: null,
			entitlements: entitlements(Boolean(user.emailVerifiedAt), standing)
		}
	};
}

export type AccountOverview = Awaited<ReturnType<typeof accountOverview>>;
