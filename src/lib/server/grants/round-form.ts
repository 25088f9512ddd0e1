// Reading the grant round form: every field back as typed (so nothing is lost on a refusal),
// a GOV.UK-style message next to each field, and the round it describes when all is well; the
// fields and their messages are one Valibot schema.
// Dates are London wall times; a round opens at the start of its first day and closes at the
// end of its last.
import * as v from 'valibot';
import { fromLondonTime } from '../../london-time.ts';
import { parsePounds } from '../../money.ts';
import { londonDate, parseIsoDate } from '../../plain-date.ts';
import type { GrantRound } from '../db/schema/index.ts';
import { formFields } from '../forms.ts';
import { acrossFields, checkForm, requiredText, wholeNumber } from '../form-schema.ts';
import { ROUND_FIELDS, type RoundField, type RoundFormValues } from '../../grants/round-fields.ts';

export type RoundFormErrors = Partial<Record<RoundField, string>>;

export type RoundDraft = Pick<
	GrantRound,
	| 'name'
	| 'opensAt'
	| 'closesAt'
	| 'budgetPence'
	| 'standardAwardPence'
	| 'incomeThresholdPence'
	| 'savingsLimitPence'
	| 'coolDownMonths'
	| 'retentionMonths'
>;

export function readRoundForm(form: FormData): RoundFormValues {
	return formFields(form, ROUND_FIELDS);
}

export function blankRoundForm(): RoundFormValues {
	return {
		name: '',
		opensOn: '',
		closesOn: '',
		budget: '',
		standardAward: '100',
		incomeThreshold: '2000',
		savingsLimit: '1500',
		coolDownMonths: '6',
		retentionMonths: '6'
	};
}

const pounds = (pence: number) =>
	pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2);

/** The form filled from a saved round, for editing. The closing day is the last whole day. */
export function roundFormValues(round: GrantRound): RoundFormValues {
	return {
		name: round.name,
		opensOn: londonDate(round.opensAt),
		closesOn: londonDate(new Date(round.closesAt.getTime() - 1)),
		budget: pounds(round.budgetPence),
		standardAward: pounds(round.standardAwardPence),
		incomeThreshold: pounds(round.incomeThresholdPence),
		savingsLimit: pounds(round.savingsLimitPence),
		coolDownMonths: String(round.coolDownMonths),
		retentionMonths: String(round.retentionMonths)
	};
}

/** A day typed as 2027-10-01, or `missing` when blank and `unreal` when there is no such day. */
const day = (missing: string, unreal: string) =>
	v.pipe(
		v.string(),
		v.nonEmpty(missing),
		v.check((date) => parseIsoDate(date) !== null, unreal),
		v.transform((date) => parseIsoDate(date)!)
	);

/** An amount in pounds, more than £0. */
const amount = (what: string) =>
	v.pipe(
		v.string(),
		v.nonEmpty(`Enter the ${what} in pounds`),
		v.check(
			(amount) => parsePounds(amount) !== null,
			`Enter the ${what} as an amount in pounds, like 1500`
		),
		v.transform((amount) => parsePounds(amount)!),
		v.minValue(1, `The ${what} must be more than £0`)
	);

const months = (what: string, min: number, max: number) =>
	wholeNumber(`Enter the ${what} as a whole number of months from ${min} to ${max}`, {
		min,
		max,
		digits: /^\d{1,3}$/
	});

const ROUND = v.pipe(
	v.object({
		name: requiredText('Enter a name for the round', 80, 'Name must be 80 characters or fewer'),
		// The round opens at the start of its first day and takes applications until midnight at
		// the end of its last, London time.
		opensOn: v.pipe(
			day(
				'Enter the date the round opens',
				'Enter a real date for the round to open, for example 2027-10-01'
			),
			v.transform(({ y, mo, d }) => fromLondonTime(y, mo, d))
		),
		closesOn: v.pipe(
			day(
				'Enter the last day the round takes applications',
				'Enter a real date for the round to close, for example 2027-11-30'
			),
			v.transform(({ y, mo, d }) => {
				const dayAfter = new Date(Date.UTC(y, mo - 1, d + 1));
				const [year, month] = [dayAfter.getUTCFullYear(), dayAfter.getUTCMonth() + 1];
				return fromLondonTime(year, month, dayAfter.getUTCDate());
			})
		),
		budget: amount('budget'),
		standardAward: amount('standard award'),
		incomeThreshold: amount('income limit'),
		savingsLimit: amount('savings limit'),
		coolDownMonths: months('cool-down', 1, 60),
		retentionMonths: months('time we keep financial details', 1, 72)
	}),
	acrossFields(
		['closesOn', 'opensOn'],
		(round) => round.closesOn.getTime() - round.opensOn.getTime() >= 86_400_000,
		'The round must close on or after the day it opens'
	),
	acrossFields(
		['standardAward', 'budget'],
		(round) => round.standardAward <= round.budget,
		'The standard award must not be more than the budget'
	),
	v.transform((round): RoundDraft => ({
		name: round.name,
		opensAt: round.opensOn,
		closesAt: round.closesOn,
		budgetPence: round.budget,
		standardAwardPence: round.standardAward,
		incomeThresholdPence: round.incomeThreshold,
		savingsLimitPence: round.savingsLimit,
		coolDownMonths: round.coolDownMonths,
		retentionMonths: round.retentionMonths
	}))
);

/** Checks every field; the draft exists only when there is nothing to fix. */
export function validateRoundForm(
	values: RoundFormValues
): { ok: true; draft: RoundDraft } | { ok: false; errors: RoundFormErrors } {
	const checked = checkForm(ROUND, values);
	return checked.ok ? { ok: true, draft: checked.data } : { ok: false, errors: checked.errors };
}
