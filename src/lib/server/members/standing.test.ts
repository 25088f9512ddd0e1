import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { createMember, emptyDatabase } from '../testing/fixtures.ts';
import {
	assessStanding,
	bookingEligibility,
	matchesMembershipList,
	memberStanding,
	type Standing
} from './standing.ts';

// Sunday 22 November 2026, 10am in London.
const now = new Date('2026-11-22T10:00:00Z');
const verifiedUser = { membershipNumber: 'B100201', memberVerifiedAt: new Date('2026-01-01') };
const entry = (fields: Partial<{ joinedOn: string; subsPaidTo: string }> = {}) => ({
	surname: 'Okafor',
	postcode: 'B15 2TT',
	joinedOn: '2015-03-01',
	subsPaidTo: '2026-12-31',
	...fields
});

describe('matching a member to the membership list', () => {
	const row = { membershipNumber: 'B100201', surname: "O'Brien-Smith", postcode: 'B15 2TT' };

	it('matches when all three details agree, whatever the case and spacing', () => {
		expect(
			matchesMembershipList(row, {
				membershipNumber: 'b 100 201',
				surname: "o'brien-smith ",
				postcode: 'b152tt'
			})
		).toBe(true);
		expect(
			matchesMembershipList(row, {
				membershipNumber: 'B100201',
				surname: 'O’Brien-Smith',
				postcode: 'B15  2TT'
			})
		).toBe(true);
	});

	it('does not match when any one detail differs', () => {
		const right = { membershipNumber: 'B100201', surname: "O'Brien-Smith", postcode: 'B15 2TT' };
		expect(matchesMembershipList(row, { ...right, membershipNumber: 'B100202' })).toBe(false);
		expect(matchesMembershipList(row, { ...right, surname: 'OBrien-Smith' })).toBe(false);
		expect(matchesMembershipList(row, { ...right, postcode: 'B15 2TU' })).toBe(false);
	});
});

describe('good standing', () => {
	it('holds for a verified member whose subs are paid ahead', () => {
		const standing = assessStanding(verifiedUser, entry(), now);
		expect(standing).toMatchObject({
			verified: true,
			inGoodStanding: true,
			grantEligible: true,
			reasons: [],
			standingProblem: null,
			grantProblem: null
		});
	});

	it('allows subs paid up to exactly 4 weeks ago, and not a day more', () => {
		expect(
			assessStanding(verifiedUser, entry({ subsPaidTo: '2026-10-25' }), now).inGoodStanding
		).toBe(true);
		const lapsed = assessStanding(verifiedUser, entry({ subsPaidTo: '2026-10-24' }), now);
		expect(lapsed.inGoodStanding).toBe(false);
		expect(lapsed.grantEligible).toBe(false);
		expect(lapsed.reasons).toEqual([
			'The membership list shows your subs paid up to 24 October 2026, more than 4 weeks ago. Contact the branch office to bring them up to date.'
		]);
	});

	it('uses the date in London, not in UTC, to decide what today is', () => {
		// 00:30 on 1 July in London is still 30 June in UTC.
		const justAfterMidnight = new Date('2026-06-30T23:30:00Z');
		expect(
			assessStanding(verifiedUser, entry({ subsPaidTo: '2026-06-03' }), justAfterMidnight)
				.inGoodStanding
		).toBe(true);
		expect(
			assessStanding(verifiedUser, entry({ subsPaidTo: '2026-06-02' }), justAfterMidnight)
				.inGoodStanding
		).toBe(false);
	});

	it('never holds for an account that has not confirmed its membership', () => {
		for (const user of [null, { membershipNumber: null, memberVerifiedAt: null }]) {
			const standing = assessStanding(user, null, now);
			expect(standing).toMatchObject({
				verified: false,
				inGoodStanding: false,
				grantEligible: false
			});
			expect(standing.reasons).toEqual([
				'You have not confirmed your membership yet: enter your membership number, surname and postcode.'
			]);
		}
	});

	it('does not hold when the member’s number has left the membership list', () => {
		const standing = assessStanding(verifiedUser, null, now);
		expect(standing.verified).toBe(true);
		expect(standing.inGoodStanding).toBe(false);
		expect(standing.standingProblem).toMatch(/not on the branch membership list/);
	});
});

describe('winter fuel grant eligibility', () => {
	it('needs membership of at least 4 weeks, counted to the day', () => {
		expect(assessStanding(verifiedUser, entry({ joinedOn: '2026-10-25' }), now).grantEligible).toBe(
			true
		);
		const recent = assessStanding(verifiedUser, entry({ joinedOn: '2026-10-26' }), now);
		expect(recent.inGoodStanding).toBe(true);
		expect(recent.grantEligible).toBe(false);
		expect(recent.joinedWeeksAgo).toBe(3);
		expect(recent.grantProblem).toBe(
			'You joined on 26 October 2026. You can apply once you have been a member for 4 weeks, from 23 November 2026.'
		);
	});

	it('says only the standing problem when the subs have lapsed as well', () => {
		const standing = assessStanding(
			verifiedUser,
			entry({ joinedOn: '2026-11-20', subsPaidTo: '2026-01-01' }),
			now
		);
		expect(standing.reasons).toHaveLength(1);
		expect(standing.grantProblem).toBe(standing.standingProblem);
	});

	it('reports whole weeks since joining', () => {
		expect(
			assessStanding(verifiedUser, entry({ joinedOn: '2026-11-08' }), now).joinedWeeksAgo
		).toBe(2);
		expect(
			assessStanding(verifiedUser, entry({ joinedOn: '2025-11-22' }), now).joinedWeeksAgo
		).toBe(52);
	});
});

describe('who may book what', () => {
	const member = (standing: Partial<Standing>) => ({
		emailVerified: true,
		standing: { ...assessStanding(verifiedUser, entry(), now), ...standing }
	});
	const lapsed = member({ inGoodStanding: false, standingProblem: 'Subs lapsed.' });

	it('lets anyone with a confirmed email book celebrations and days of action', () => {
		const notMember = { emailVerified: true, standing: assessStanding(null, null, now) };
		expect(bookingEligibility(notMember, { category: 'celebration', membersOnly: false })).toEqual({
			allowed: true
		});
		expect(
			bookingEligibility(notMember, { category: 'day-of-action', membersOnly: false })
		).toEqual({
			allowed: true
		});
		expect(
			bookingEligibility(
				{ ...notMember, emailVerified: false },
				{ category: 'celebration', membersOnly: false }
			)
		).toEqual({ allowed: false, reason: 'Confirm your email address first.' });
	});

	it('needs good standing for courses, grant help sessions and members-only events', () => {
		for (const event of [
			{ category: 'course' as const, membersOnly: false },
			{ category: 'fuel-grant-session' as const, membersOnly: false },
			{ category: 'celebration' as const, membersOnly: true }
		]) {
			expect(bookingEligibility(member({}), event)).toEqual({ allowed: true });
			expect(bookingEligibility(lapsed, event)).toEqual({ allowed: false, reason: 'Subs lapsed.' });
		}
	});
});

describe('reading standing from the database', () => {
	beforeEach(async () => {
		await emptyDatabase();
		await db.delete(table.membersRegister);
	});

	it('reads the membership list as it is now, so a new import showing lapsed subs applies at once', async () => {
		const user = await createMember({ membershipNumber: 'B500', memberVerifiedAt: now });
		await db.insert(table.membersRegister).values({
			membershipNumber: 'B500',
			surname: 'Okafor',
			postcode: 'B15 2TT',
			joinedOn: '2015-03-01',
			subsPaidTo: '2026-12-31',
			importedAt: now
		});
		expect((await memberStanding(user.id, now)).inGoodStanding).toBe(true);

		await db
			.update(table.membersRegister)
			.set({ subsPaidTo: '2026-09-30' })
			.where(eq(table.membersRegister.membershipNumber, 'B500'));
		const after = await memberStanding(user.id, now);
		expect(after).toMatchObject({
			verified: true,
			inGoodStanding: false,
			subsPaidTo: '2026-09-30'
		});
	});

	it('treats unknown and deleted accounts as not members', async () => {
		const deleted = await createMember({
			membershipNumber: 'B501',
			memberVerifiedAt: now,
			deletedAt: now
		});
		expect((await memberStanding(deleted.id, now)).verified).toBe(false);
		expect((await memberStanding(999_999, now)).verified).toBe(false);
	});

	it('knows a verified member whose number is not on the list', async () => {
		const user = await createMember({ membershipNumber: 'B502', memberVerifiedAt: now });
		expect(await memberStanding(user.id, now)).toMatchObject({
			verified: true,
			inGoodStanding: false,
			joinedOn: null
		});
	});
});
