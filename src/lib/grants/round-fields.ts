/** The grant round form's fields, in the order the form shows them and its errors are listed. */
export const ROUND_FIELDS = [
	'name',
	'opensOn',
	'closesOn',
	'budget',
	'standardAward',
	'incomeThreshold',
	'savingsLimit',
	'coolDownMonths',
	'retentionMonths'
] as const;
export type RoundField = (typeof ROUND_FIELDS)[number];
export type RoundFormValues = Record<RoundField, string>;
