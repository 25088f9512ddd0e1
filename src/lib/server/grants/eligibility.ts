// The winter fuel grant's rules as pure functions. The quick checker on /grants/winter-fuel and
// the application's final check use the same function, so they never disagree.
import { formatPounds } from '../../money.ts';
import { coolDownPeriod } from '../../grants/cool-down.ts';
import type { GrantRound } from '../db/schema/grants.ts';

export { formatPounds };

export type EligibilityAnswers = {
	/** From the membership list (members/standing.ts); the checker asks the visitor instead. */
	memberAtLeastFourWeeks: boolean;
	inGoodStanding: boolean;
	paysFuelBills: boolean;
	savingsUnderLimit: boolean;
	/** Household income each month, in pence; null when not given. */
	monthlyIncomePence: number | null;
	meansTestedBenefit: boolean;
	/** When the member last received an award, if ever. */
	lastAwardAt: Date | null;
	/** Another application from the same household in this round is submitted or decided. */
	householdAlreadyApplied: boolean;
};

type RoundRules = Pick<GrantRound, 'incomeThresholdPence' | 'savingsLimitPence' | 'coolDownMonths'>;

export type Eligibility = { eligible: true } | { eligible: false; reasons: string[] };

export function addMonths(date: Date, months: number) {
	const d = new Date(date.getTime());
	d.setUTCMonth(d.getUTCMonth() + months);
	return d;
}

export function assessGrantEligibility(
	answers: EligibilityAnswers,
	round: RoundRules,
	now: Date
): Eligibility {
	const reasons: string[] = [];
	if (!answers.inGoodStanding) {
		reasons.push('You need to be a member in good standing, with your subs paid up.');
	}
	if (!answers.memberAtLeastFourWeeks) {
		reasons.push('You need to have been a member for at least 4 weeks.');
	}
	if (!answers.paysFuelBills) {
		reasons.push(
			'The grant is for members who pay, or share paying, their household’s fuel bills.'
		);
	}
	if (!answers.savingsUnderLimit) {
		reasons.push(
			`Your household’s savings need to be under ${formatPounds(round.savingsLimitPence)}.`
		);
	}
	const lowIncome =
		answers.monthlyIncomePence !== null && answers.monthlyIncomePence < round.incomeThresholdPence;
	if (!lowIncome && !answers.meansTestedBenefit) {
		reasons.push(
			`Your household’s income needs to be under ${formatPounds(round.incomeThresholdPence)} a month, or someone in it receives a means-tested benefit such as Universal Credit.`
		);
	}
	if (answers.lastAwardAt && addMonths(answers.lastAwardAt, round.coolDownMonths) > now) {
		reasons.push(
			`You had a grant in the last ${coolDownPeriod(round.coolDownMonths)}. You can apply again ${coolDownPeriod(round.coolDownMonths)} after it.`
		);
	}
	if (answers.householdAlreadyApplied) {
		reasons.push(
			'Someone else in your household has already applied in this round: one grant per household.'
		);
	}
	return reasons.length === 0 ? { eligible: true } : { eligible: false, reasons };
}
