// The "Check your answers" list: each answer in words, with the step that changes it. Used by the
// member's check page, their application page and the welfare officer's review.
import { formatPounds } from '../../money.ts';
import type { GrantAnswers } from '../db/schema/index.ts';
import { PAYMENT_TYPES, type StepSlug } from './application-steps.ts';

export type AnswerRow = { label: string; value: string; step: StepSlug };

const yesNo = (v: boolean | undefined) => (v === undefined ? 'Not answered' : v ? 'Yes' : 'No');

export function summariseAnswers(
	a: GrantAnswers,
	payment: { bank: { accountName: string; sortCode: string; accountNumber: string } | null },
	pounds = formatPounds
): AnswerRow[] {
	const address = [a.addressLine1, a.addressLine2, a.town, a.postcode].filter(Boolean).join('\n');
	const people = [
		a.adults === undefined ? null : `${a.adults} adult${a.adults === 1 ? '' : 's'}`,
		a.children === undefined ? null : `${a.children} child${a.children === 1 ? '' : 'ren'}`
	]
		.filter(Boolean)
		.join(', ');
	let paidBy = 'Not answered';
	if (a.payoutMethod === 'bank' && payment.bank) {
		const b = payment.bank;
		paidBy = `Bank transfer\n${b.accountName}\nSort code ${b.sortCode}, account ${b.accountNumber}`;
	} else if (a.payoutMethod === 'supplier') {
		paidBy = `Credit to energy account ${a.supplierAccountReference ?? ''}`.trim();
	}
	return [
		{ label: 'Address', value: address || 'Not answered', step: 'household' },
		{ label: 'Who lives there', value: people || 'Not answered', step: 'household' },
		{ label: 'Pays the fuel bills', value: yesNo(a.paysFuelBills), step: 'fuel-bills' },
		{
			label: 'Energy supplier',
			value: a.supplier
				? `${a.supplier}\n${a.paymentType ? PAYMENT_TYPES[a.paymentType] : ''}`.trim()
				: 'Not answered',
			step: 'supplier'
		},
		{
			label: 'Income or benefit',
			value:
				[
					a.monthlyIncomePence === undefined ? null : `${pounds(a.monthlyIncomePence)} a month`,
					a.meansTestedBenefit ?? null
				]
					.filter(Boolean)
					.join('\n') || 'Not answered',
			step: 'income'
		},
		{ label: 'Savings under the limit', value: yesNo(a.savingsUnderLimit), step: 'savings' },
		{ label: 'Had a grant before', value: yesNo(a.previousAward), step: 'previous-awards' },
		{ label: 'Circumstances', value: a.circumstances || 'Not answered', step: 'circumstances' },
		{ label: 'How to be paid', value: paidBy, step: 'payment' }
	];
}
