import { coolDownPeriod } from '../../grants/cool-down.ts';
import { describe, expect, it } from 'vitest';
import { grantStatuses, type GrantStatus } from '../db/schema/grants.ts';
import { assessGrantEligibility, formatPounds, type EligibilityAnswers } from './eligibility.ts';
import { householdKey } from './household-key.ts';
import { canTransition, GRANT_TRANSITIONS, type GrantActor } from './transitions.ts';

const now = new Date('2026-11-22T10:00:00Z');
const round = { incomeThresholdPence: 200_000, savingsLimitPence: 150_000, coolDownMonths: 6 };
const likely: EligibilityAnswers = {
	memberAtLeastFourWeeks: true,
	inGoodStanding: true,
	paysFuelBills: true,
	savingsUnderLimit: true,
	monthlyIncomePence: 150_000,
	meansTestedBenefit: false,
	lastAwardAt: null,
	householdAlreadyApplied: false
};
const reasons = (answers: Partial<EligibilityAnswers>) => {
	const result = assessGrantEligibility({ ...likely, ...answers }, round, now);
	return result.eligible ? [] : result.reasons;
};

describe('who is likely to be eligible for the winter fuel grant', () => {
	it('a member of 4 weeks in good standing who pays the bills on a low income', () => {
		expect(assessGrantEligibility(likely, round, now)).toEqual({ eligible: true });
	});

	it('needs good standing and 4 weeks of membership', () => {
		expect(reasons({ inGoodStanding: false })).toEqual([
			'You need to be a member in good standing, with your subs paid up.'
		]);
		expect(reasons({ memberAtLeastFourWeeks: false })).toEqual([
			'You need to have been a member for at least 4 weeks.'
		]);
	});

	it('needs responsibility for fuel bills and savings under the limit', () => {
		expect(reasons({ paysFuelBills: false })[0]).toMatch(/fuel bills/);
		expect(reasons({ savingsUnderLimit: false })).toEqual([
			'Your household’s savings need to be under £1,500.'
		]);
	});

	it('takes income under the threshold or a means-tested benefit', () => {
		expect(reasons({ monthlyIncomePence: 199_999 })).toEqual([]);
		expect(reasons({ monthlyIncomePence: 200_000 })[0]).toMatch(/under £2,000 a month/);
		expect(reasons({ monthlyIncomePence: null })).toHaveLength(1);
		expect(reasons({ monthlyIncomePence: 400_000, meansTestedBenefit: true })).toEqual([]);
	});

	it('refuses an award within the cool-down months, and allows one after', () => {
		expect(reasons({ lastAwardAt: new Date('2026-06-10T00:00:00Z') })[0]).toMatch(/last 6 months/);
		expect(reasons({ lastAwardAt: new Date('2026-05-01T00:00:00Z') })).toEqual([]);
	});

	it('words a cool-down of one month in the singular', () => {
		expect(coolDownPeriod(1)).toBe('1 month');
		expect(coolDownPeriod(6)).toBe('6 months');
	});

	it('allows one application per household per round', () => {
		expect(reasons({ householdAlreadyApplied: true })[0]).toMatch(/one grant per household/);
	});

	it('gives every reason at once', () => {
		expect(
			reasons({ inGoodStanding: false, paysFuelBills: false, householdAlreadyApplied: true })
		).toHaveLength(3);
	});

	it('writes money the way people read it', () => {
		expect(formatPounds(1_500_000)).toBe('£15,000');
		expect(formatPounds(10_050)).toBe('£100.50');
	});
});

describe('the application status transitions', () => {
	const allowed: [GrantStatus, GrantStatus, GrantActor][] = [
		['draft', 'submitted', 'member'],
		['draft', 'withdrawn', 'member'],
		['submitted', 'withdrawn', 'member'],
		['needs-info', 'submitted', 'member'],
		['needs-info', 'withdrawn', 'member'],
		['submitted', 'needs-info', 'welfare'],
		['submitted', 'approved', 'welfare'],
		['submitted', 'declined', 'welfare'],
		['needs-info', 'declined', 'welfare'],
		['approved', 'paid', 'welfare']
	];

	it('allows exactly the listed moves, each by the listed person', () => {
		expect(GRANT_TRANSITIONS).toHaveLength(allowed.length);
		for (const [from, to, by] of allowed) expect(canTransition(from, to, by)).toBe(true);
	});

	it('refuses every other move', () => {
		const actors: GrantActor[] = ['member', 'welfare'];
		let refused = 0;
		for (const from of grantStatuses)
			for (const to of grantStatuses)
				for (const by of actors) {
					const listed = allowed.some(([f, t, b]) => f === from && t === to && b === by);
					if (!listed) {
						expect(canTransition(from, to, by), `${from} → ${to} by ${by}`).toBe(false);
						refused++;
					}
				}
		expect(refused).toBe(7 * 7 * 2 - allowed.length);
	});

	it('never lets a member approve, or an officer un-decline or un-pay', () => {
		expect(canTransition('submitted', 'approved', 'member')).toBe(false);
		expect(canTransition('declined', 'submitted', 'welfare')).toBe(false);
		expect(canTransition('paid', 'approved', 'welfare')).toBe(false);
		expect(canTransition('withdrawn', 'submitted', 'member')).toBe(false);
	});
});

describe('the household key', () => {
	it('ignores case, spacing, punctuation and common abbreviations', () => {
		const key = householdKey('B15 2TT', '12 Acacia Road');
		expect(key).toBe('B152TT|12 acacia road');
		expect(householdKey('b152tt', '12, Acacia Rd.')).toBe(key);
		expect(householdKey(' B15  2TT ', '12  ACACIA   ROAD')).toBe(key);
	});

	it('tells different homes apart', () => {
		expect(householdKey('B15 2TT', '14 Acacia Road')).not.toBe(
			householdKey('B15 2TT', '12 Acacia Road')
		);
		expect(householdKey('B15 2TU', '12 Acacia Road')).not.toBe(
			householdKey('B15 2TT', '12 Acacia Road')
		);
	});

	it('is null until both parts are known', () => {
		expect(householdKey('', '12 Acacia Road')).toBeNull();
		expect(householdKey('B15 2TT', '  ')).toBeNull();
	});
});
