// Reading the grant round form: every field back as typed (so nothing is lost on a refusal),
// a GOV.UK-style message next to each field, and the round it describes when all is well.
// Dates are London wall times; a round opens at the start of its first day and closes at the
// end of its last.
import { fromLondonTime } from '../../london-time.ts';
import { parsePounds } from '../../money.ts';
import { londonDate, parseIsoDate } from '../../plain-date.ts';
import type { GrantRound } from '../db/schema/index.ts';
import { formText } from '../forms.ts';
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
	return Object.fromEntries(ROUND_FIELDS.map((f) => [f, formText(form, f)])) as RoundFormValues;
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

const wholeNumber = (value: string) => (/^\d{1,3}$/.test(value) ? Number(value) : null);

/** The round opens at the start of its first day and closes at the end of its last, London time. */
function readRoundDates(v: RoundFormValues, errors: RoundFormErrors) {
	const opens = parseIsoDate(v.opensOn);
	const closes = parseIsoDate(v.closesOn);
	if (!v.opensOn) errors.opensOn = 'Enter the date the round opens';
	else if (!opens)
		errors.opensOn = 'Enter a real date for the round to open, for example 2027-10-01';
	if (!v.closesOn) errors.closesOn = 'Enter the last day the round takes applications';
	else if (!closes)
		errors.closesOn = 'Enter a real date for the round to close, for example 2027-11-30';
	const opensAt = opens ? fromLondonTime(opens.y, opens.mo, opens.d) : null;
	// The round takes applications until midnight at the end of its last day.
	const dayAfter = closes ? new Date(Date.UTC(closes.y, closes.mo - 1, closes.d + 1)) : null;
	const closesAt = dayAfter
		? fromLondonTime(dayAfter.getUTCFullYear(), dayAfter.getUTCMonth() + 1, dayAfter.getUTCDate())
		: null;
	if (opensAt && closesAt && closesAt.getTime() - opensAt.getTime() < 86_400_000)
		errors.closesOn = 'The round must close on or after the day it opens';
	return { opensAt, closesAt };
}

/** Checks every field; the draft exists only when there is nothing to fix. */
export function validateRoundForm(
	v: RoundFormValues
): { ok: true; draft: RoundDraft } | { ok: false; errors: RoundFormErrors } {
	const errors: RoundFormErrors = {};
	if (!v.name) errors.name = 'Enter a name for the round';
	else if (v.name.length > 80) errors.name = 'Name must be 80 characters or fewer';

	const { opensAt, closesAt } = readRoundDates(v, errors);

	const money = (field: RoundField, what: string, min: number) => {
		const pence = parsePounds(v[field]);
		if (!v[field]) errors[field] = `Enter the ${what} in pounds`;
		else if (pence === null) errors[field] = `Enter the ${what} as an amount in pounds, like 1500`;
		else if (pence < min) errors[field] = `The ${what} must be more than £0`;
		return pence ?? 0;
	};
	const budgetPence = money('budget', 'budget', 1);
	const standardAwardPence = money('standardAward', 'standard award', 1);
	const incomeThresholdPence = money('incomeThreshold', 'income limit', 1);
	const savingsLimitPence = money('savingsLimit', 'savings limit', 1);
	if (!errors.budget && !errors.standardAward && standardAwardPence > budgetPence)
		errors.standardAward = 'The standard award must not be more than the budget';

	const months = (field: RoundField, what: string, min: number, max: number) => {
		const n = wholeNumber(v[field]);
		if (n === null || n < min || n > max)
			errors[field] = `Enter the ${what} as a whole number of months from ${min} to ${max}`;
		return n ?? 0;
	};
	const coolDownMonths = months('coolDownMonths', 'cool-down', 1, 60);
	const retentionMonths = months('retentionMonths', 'time we keep financial details', 1, 72);

	if (Object.keys(errors).length || !opensAt || !closesAt) return { ok: false, errors };
	return {
		ok: true,
		draft: {
			name: v.name,
			opensAt,
			closesAt,
			budgetPence,
			standardAwardPence,
			incomeThresholdPence,
			savingsLimitPence,
			coolDownMonths,
			retentionMonths
		}
	};
}
