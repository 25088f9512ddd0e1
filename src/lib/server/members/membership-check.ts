// A member confirms their membership by entering their membership number, surname and postcode
// exactly as the membership list holds them (case and spacing aside). One account per number.
// A mismatch never says which detail was wrong: that would tell a stranger whether someone is
// a member of the union, which is special category data.
import { and, eq, isNull, ne, notExists, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { recordAudit } from '../audit.ts';
import { consumeRateLimit, describeWait, rateLimitWait, LIMITS } from '../auth/rate-limit.ts';
import { db, table } from '../db/index.ts';
import { checkForm } from '../form-schema.ts';
import { membershipKey, tidy } from './matching-keys.ts';
import { findListedMember } from './membership-list.ts';
import { matchesMembershipList, type MembershipClaim } from './standing.ts';
import { branchOfficeText } from '../../branch-contact.ts';
import { branchSettingsNow } from '../settings/branch-settings.ts';

export type MembershipCheckField = keyof MembershipClaim;

export type MembershipCheck =
	| { ok: true }
	| {
			ok: false;
			status: 400 | 409 | 429;
			errors: Partial<Record<MembershipCheckField, string>>;
	  };

const mismatch = () =>
	`These details do not match the branch membership list. Check them and try again, or contact ${branchOfficeText(branchSettingsNow())}.`;

/** Each detail is tidied (spaces trimmed and made single) before it is checked, as it is stored. */
const MEMBERSHIP_CLAIM = v.object({
	membershipNumber: v.pipe(
		v.string(),
		v.transform(tidy),
		v.nonEmpty('Enter your membership number'),
		v.maxLength(30, 'Membership number must be 30 characters or fewer')
	),
	surname: v.pipe(
		v.string(),
		v.transform(tidy),
		v.nonEmpty('Enter your surname'),
		v.maxLength(100, 'Surname must be 100 characters or fewer')
	),
	postcode: v.pipe(
		v.string(),
		v.transform(tidy),
		v.nonEmpty('Enter your postcode'),
		v.maxLength(12, 'Enter a real postcode, like B2 5AL')
	)
});

/** The details as typed, tidied, or a message for each one to fix. */
export const checkMembershipClaim = (input: MembershipClaim) =>
	checkForm(MEMBERSHIP_CLAIM, {
		membershipNumber: input.membershipNumber,
		surname: input.surname,
		postcode: input.postcode
	});

export async function checkMembership(
	userId: number,
	input: MembershipClaim,
	now = new Date()
): Promise<MembershipCheck> {
	const checked = checkMembershipClaim(input);
	if (!checked.ok) return { ok: false, status: 400, errors: checked.errors };
	const claim = checked.data;

	const limitKey = `membership-check:${userId}`;
	const tooMany = (retryAfterMs: number) => ({
		ok: false as const,
		status: 429 as const,
		errors: {
			membershipNumber: `You have tried too many times. Try again in ${describeWait(retryAfterMs)}, or contact ${branchOfficeText(branchSettingsNow())}.`
		}
	});
	const wait = await rateLimitWait(limitKey, LIMITS.codeChecksPerUser, now);
	if (wait > 0) return tooMany(wait);

	const membershipNumber = membershipKey(claim.membershipNumber);
	const entry = await findListedMember(membershipNumber);
	if (!entry || !matchesMembershipList(entry, claim)) {
		const attempt = await consumeRateLimit(limitKey, LIMITS.codeChecksPerUser, now);
		await recordAudit(
			{
				actorUserId: userId,
				action: 'membership-check-failed',
				subjectType: 'user',
				subjectId: userId
			},
			now
		);
		if (!attempt.allowed) return tooMany(attempt.retryAfterMs);
		return { ok: false, status: 400, errors: { membershipNumber: mismatch() } };
	}

	if (await linkMembershipNumber(userId, membershipNumber, now)) return { ok: true };
	const [holder] = await db
		.select({ id: table.users.id })
		.from(table.users)
		.where(and(eq(table.users.membershipNumber, membershipNumber), ne(table.users.id, userId)));
	// Nobody else holds it: this account already did, and a second check changes nothing.
	if (!holder) return { ok: true };
	return {
		ok: false,
		status: 409,
		errors: {
			membershipNumber: `This membership number is already linked to another account. If that account is not yours, contact ${branchOfficeText(branchSettingsNow())} and we will sort it out.`
		}
	};
}

/**
 * Links the number to the account only if no other account holds it (the unique index backs
 * this up); the audit entry is written only if the link was.
 */
async function linkMembershipNumber(userId: number, membershipNumber: string, now: Date) {
	const [linked] = await db.batch([
		db
			.update(table.users)
			.set({ membershipNumber, memberVerifiedAt: now })
			.where(
				and(
					eq(table.users.id, userId),
					isNull(table.users.deletedAt),
					notExists(
						db
							.select({ one: sql`1` })
							.from(table.users)
							.where(eq(table.users.membershipNumber, membershipNumber))
					)
				)
			)
			.returning({ id: table.users.id }),
		db.insert(table.auditLog).select(
			db
				.select({
					id: sql`null`.as('id'),
					actorUserId: table.users.id,
					action: sql`'membership-verified'`.as('action'),
					subjectType: sql`'user'`.as('subject_type'),
					subjectId: sql`${String(userId)}`.as('subject_id'),
					detail: sql`null`.as('detail'),
					createdAt: sql`${now.getTime()}`.as('created_at')
				})
				.from(table.users)
				.where(
					and(
						eq(table.users.id, userId),
						eq(table.users.membershipNumber, membershipNumber),
						eq(table.users.memberVerifiedAt, now)
					)
				)
		)
	]);
	return linked.length === 1;
}
