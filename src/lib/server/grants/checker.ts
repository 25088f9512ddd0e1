// The quick eligibility checker on /grants/winter-fuel: yes/no questions anyone can answer
// without signing in. Nothing is stored; the answers go through the same rule as applications.
import * as v from 'valibot';
import type { GrantRound } from '../db/schema/index.ts';
import { checkForm } from '../form-schema.ts';
import { assessGrantEligibility, formatPounds, type Eligibility } from './eligibility.ts';
import { coolDownPeriod } from '../../grants/cool-down.ts';

type Rules = Pick<GrantRound, 'incomeThresholdPence' | 'savingsLimitPence' | 'coolDownMonths'>;

/** The rules shown when no round is open: the ones the branch has used so far. */
export const USUAL_RULES: Rules = {
	incomeThresholdPence: 200_000,
	savingsLimitPence: 150_000,
	coolDownMonths: 6
};

export function checkerQuestions(rules: Rules) {
	return [
		{
			name: 'memberFourWeeks',
			label: 'Have you been a member of the branch for at least 4 weeks?'
		},
		{ name: 'subsPaid', label: 'Are your union subs paid up to date?' },
		{
			name: 'paysFuelBills',
			label: 'Do you pay, or share paying, your household’s gas or electricity bills?'
		},
		{
			name: 'lowIncome',
			label: `Is your household’s income, after tax, under ${formatPounds(rules.incomeThresholdPence)} a month?`
		},
		{
			name: 'benefit',
			label:
				'Does anyone in your household get a means-tested benefit, such as Universal Credit or Pension Credit?'
		},
		{
			name: 'lowSavings',
			label: `Are your household’s savings under ${formatPounds(rules.savingsLimitPence)}?`
		},
		{
			name: 'recentAward',
			label: `Have you had a winter fuel grant from the branch in the last ${coolDownPeriod(rules.coolDownMonths)}?`
		},
		{
			name: 'householdApplied',
			label: 'Has someone else in your home already applied this winter?'
		}
	] as const;
}

export type CheckerResult =
	| { ok: true; eligibility: Eligibility }
	| { ok: false; errors: Record<string, string>; values: Record<string, string> };

const YES_NO = ['yes', 'no'] as const;

/** Each question answered yes or no, or a message repeating the question. */
const checkerAnswers = (rules: Rules) =>
	v.object(
		Object.fromEntries(
			checkerQuestions(rules).map((q) => [q.name, v.picklist(YES_NO, `Answer: ${q.label}`)])
		)
	);

export function runChecker(fields: Record<string, string>, rules: Rules, now: Date): CheckerResult {
	const asked = Object.fromEntries(checkerQuestions(rules).map((q) => [q.name, fields[q.name]]));
	const checked = checkForm(checkerAnswers(rules), asked);
	if (!checked.ok) return { ok: false, errors: checked.errors, values: fields };
	const yes = (name: string) => checked.data[name] === 'yes';
	return {
		ok: true,
		eligibility: assessGrantEligibility(
			{
				memberAtLeastFourWeeks: yes('memberFourWeeks'),
				inGoodStanding: yes('subsPaid'),
				paysFuelBills: yes('paysFuelBills'),
				savingsUnderLimit: yes('lowSavings'),
				monthlyIncomePence: yes('lowIncome') ? 0 : null,
				meansTestedBenefit: yes('benefit'),
				lastAwardAt: yes('recentAward') ? now : null,
				householdAlreadyApplied: yes('householdApplied')
			},
			rules,
			now
		)
	};
}
