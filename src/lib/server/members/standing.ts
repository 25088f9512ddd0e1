// Membership rules: who is a verified member, who is in good
// standing, who may apply for the winter fuel grant, and who may book which events. The rules
// are pure functions of the account, its membership list row and `now`; `memberStanding` reads
// both at the moment a rule applies, so an import showing lapsed subs takes effect at once.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { EventCategory } from '../../event-categories.ts';
import { addDays, daysBetween, formatPlainDate, londonDate } from '../../plain-date.ts';
import { db, table } from '../db/index.ts';
import type { RegisteredMember, User } from '../db/schema/index.ts';
import { membershipKey, postcodeKey, surnameKey } from './matching-keys.ts';
import { branchOfficeText } from '../../branch-contact.ts';
import { branchSettingsNow } from '../settings/branch-settings.ts';

/** Subs may be paid up to a date at most this many days before today. */
export const SUBS_GRACE_DAYS = 28;
/** The grant needs membership of at least this many days. */
export const GRANT_MEMBERSHIP_DAYS = 28;

export type MembershipClaim = { membershipNumber: string; surname: string; postcode: string };
type RegisterEntry = Pick<RegisteredMember, 'surname' | 'postcode' | 'joinedOn' | 'subsPaidTo'>;

/** All three details match the list's row, ignoring case and spacing. */
export function matchesMembershipList(
	entry: Pick<RegisteredMember, 'membershipNumber' | 'surname' | 'postcode'>,
	claim: MembershipClaim
) {
	return (
		membershipKey(entry.membershipNumber) === membershipKey(claim.membershipNumber) &&
		surnameKey(entry.surname) === surnameKey(claim.surname) &&
		postcodeKey(entry.postcode) === postcodeKey(claim.postcode)
	);
}

export type Standing = {
	/** The account has been matched to the membership list. */
	verified: boolean;
	/** Verified, and subs paid up to no more than 4 weeks ago: may book courses and grant help sessions. */
	inGoodStanding: boolean;
	/** In good standing and a member for at least 4 weeks: may apply for the winter fuel grant. */
	grantEligible: boolean;
	membershipNumber: string | null;
	joinedOn: string | null;
	subsPaidTo: string | null;
	joinedWeeksAgo: number | null;
	/** Why the member is not in good standing, in plain words; null when they are. */
	standingProblem: string | null;
	/** Why the member may not apply for the grant; null when they may. */
	grantProblem: string | null;
	/** Every problem above, for showing as a list. */
	reasons: string[];
};

export function assessStanding(
	user: Pick<User, 'membershipNumber' | 'memberVerifiedAt'> | null,
	entry: RegisterEntry | null,
	now: Date,
	office = branchOfficeText(branchSettingsNow())
): Standing {
	const today = londonDate(now);
	const verified = Boolean(user?.membershipNumber && user.memberVerifiedAt);
	let standingProblem: string | null = null;
	if (!verified) {
		standingProblem =
			'You have not confirmed your membership yet: enter your membership number, surname and postcode.';
	} else if (!entry) {
		standingProblem = `Your membership number is not on the branch membership list at the moment. Contact ${office} to check your membership.`;
	} else if (daysBetween(entry.subsPaidTo, today) > SUBS_GRACE_DAYS) {
		standingProblem = `The membership list shows your subs paid up to ${formatPlainDate(entry.subsPaidTo)}, more than 4 weeks ago. Contact ${office} to bring them up to date.`;
	}
	const inGoodStanding = standingProblem === null;

	const joinedDays = entry && verified ? daysBetween(entry.joinedOn, today) : null;
	let grantProblem = standingProblem;
	if (inGoodStanding && joinedDays !== null && joinedDays < GRANT_MEMBERSHIP_DAYS) {
		grantProblem = `You joined on ${formatPlainDate(entry!.joinedOn)}. You can apply once you have been a member for 4 weeks, from ${formatPlainDate(addDays(entry!.joinedOn, GRANT_MEMBERSHIP_DAYS))}.`;
	}

	return {
		verified,
		inGoodStanding,
		grantEligible: grantProblem === null,
		membershipNumber: verified ? user!.membershipNumber : null,
		joinedOn: verified ? (entry?.joinedOn ?? null) : null,
		subsPaidTo: verified ? (entry?.subsPaidTo ?? null) : null,
		joinedWeeksAgo: joinedDays === null ? null : Math.floor(joinedDays / 7),
		standingProblem,
		grantProblem,
		reasons: [...new Set([standingProblem, grantProblem].filter((r): r is string => r !== null))]
	};
}

export type BookingEligibility = { allowed: true } | { allowed: false; reason: string };

/**
 * Courses and fuel-grant help sessions need good standing; celebrations and days of action
 * need only a confirmed email address, unless the event is for members only.
 */
export function bookingEligibility(
	person: { emailVerified: boolean; standing: Standing },
	event: { category: EventCategory; membersOnly: boolean }
): BookingEligibility {
	if (!person.emailVerified) {
		return { allowed: false, reason: 'Confirm your email address first.' };
	}
	const needsStanding =
		event.category === 'course' || event.category === 'fuel-grant-session' || event.membersOnly;
	if (needsStanding && !person.standing.inGoodStanding) {
		return { allowed: false, reason: person.standing.standingProblem! };
	}
	return { allowed: true };
}

/** The account's standing now, read from the account and the membership list as they are. */
// A member's account with their membership list row: what `assessStanding` needs. Read on every
// booking, so its SQL is built once.
const memberWithEntry = db
	.select({
		id: table.users.id,
		email: table.users.email,
		name: table.users.name,
		emailVerifiedAt: table.users.emailVerifiedAt,
		membershipNumber: table.users.membershipNumber,
		memberVerifiedAt: table.users.memberVerifiedAt,
		entry: {
			surname: table.membersRegister.surname,
			postcode: table.membersRegister.postcode,
			joinedOn: table.membersRegister.joinedOn,
			subsPaidTo: table.membersRegister.subsPaidTo
		}
	})
	.from(table.users)
	.leftJoin(
		table.membersRegister,
		eq(table.membersRegister.membershipNumber, table.users.membershipNumber)
	)
	.where(and(eq(table.users.id, sql.placeholder('userId')), isNull(table.users.deletedAt)))
	.prepare();

export function memberWithListEntry(userId: number) {
	return memberWithEntry.all({ userId });
}

export async function memberStanding(userId: number, now = new Date()): Promise<Standing> {
	const [row] = await memberWithListEntry(userId);
	return assessStanding(row ?? null, row?.entry ?? null, now);
}
