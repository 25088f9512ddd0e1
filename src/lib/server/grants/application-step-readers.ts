// How each question page of the grant application reads its fields: the answers to save, with a
// message added to `errors` for each field that is wrong. application-steps.ts runs them.
import type { GrantAnswers } from '../db/schema/grants.ts';
import { tidy } from '../members/matching-keys.ts';
import { parsePounds } from '../../money.ts';
import type { StepSlug } from './application-steps.ts';

export const MEANS_TESTED_BENEFITS = [
	'Universal Credit',
	'Pension Credit',
	'Income Support',
	'income-based Jobseeker’s Allowance',
	'income-related Employment and Support Allowance',
	'Housing Benefit'
] as const;

export const PAYMENT_TYPES = {
	prepayment: 'Prepayment meter (top-up key or card)',
	'direct-debit': 'Direct Debit',
	'quarterly-bill': 'A bill every quarter',
	other: 'Another way'
} as const;

type Fields = Record<string, string>;
type Errors = Record<string, string>;
type StepReader = (f: Fields, errors: Errors) => GrantAnswers;

/** The longest answer about the member's circumstances, counted by the page as they type. */
export const CIRCUMSTANCES_MAX = 2000;

const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;

function wholeNumber(value: string, min: number, max: number) {
	if (!/^\d+$/.test(value)) return null;
	const n = Number(value);
	return n >= min && n <= max ? n : null;
}

function yesNo(value: string) {
	return value === 'yes' ? true : value === 'no' ? false : null;
}

/** A yes-or-no question: the answer under `field`, or `message` when neither was chosen. */
const yesNoStep =
	(field: 'paysFuelBills' | 'savingsUnderLimit' | 'previousAward', message: string): StepReader =>
	(f, errors) => {
		const answer = yesNo(f[field] ?? '');
		if (answer === null) errors[field] = message;
		return { [field]: answer ?? undefined };
	};

function readHousehold(f: Fields, errors: Errors): GrantAnswers {
	const addressLine1 = tidy(f.addressLine1 ?? '');
	const postcode = tidy(f.postcode ?? '').toUpperCase();
	const adults = wholeNumber(f.adults ?? '', 1, 20);
	const children = wholeNumber(f.children || '0', 0, 20);
	if (!addressLine1) errors.addressLine1 = 'Enter the first line of your address';
	if (!tidy(f.town ?? '')) errors.town = 'Enter your town or city';
	if (!postcode) errors.postcode = 'Enter your postcode';
	else if (!POSTCODE.test(postcode)) errors.postcode = 'Enter a full UK postcode, like B15 2TT';
	if (adults === null)
		errors.adults = 'Enter the number of adults in your home, including you, from 1 to 20';
	if (children === null) errors.children = 'Enter the number of children, from 0 to 20';
	return {
		addressLine1,
		addressLine2: tidy(f.addressLine2 ?? ''),
		town: tidy(f.town ?? ''),
		postcode,
		adults: adults ?? undefined,
		children: children ?? undefined
	};
}

function readSupplier(f: Fields, errors: Errors): GrantAnswers {
	const supplier = tidy(f.supplier ?? '');
	const paymentType = f.paymentType as keyof typeof PAYMENT_TYPES;
	if (!supplier) errors.supplier = 'Enter the name of your energy supplier';
	else if (supplier.length > 80) errors.supplier = 'Supplier name must be 80 characters or fewer';
	if (!Object.hasOwn(PAYMENT_TYPES, paymentType))
		errors.paymentType = 'Select how you pay for your energy';
	return { supplier, paymentType };
}

function readIncome(f: Fields, errors: Errors): GrantAnswers {
	const benefit = f.meansTestedBenefit ?? '';
	const onBenefit = (MEANS_TESTED_BENEFITS as readonly string[]).includes(benefit);
	const income = f.monthlyIncome ? parsePounds(f.monthlyIncome) : null;
	if (f.monthlyIncome && income === null)
		errors.monthlyIncome = 'Enter your household’s monthly income in pounds, like 1450';
	else if (!f.monthlyIncome && !onBenefit)
		errors.monthlyIncome =
			'Enter your household’s monthly income, or choose the means-tested benefit you receive';
	if (benefit && benefit !== 'none' && !onBenefit)
		errors.meansTestedBenefit = 'Choose a benefit from the list';
	return {
		monthlyIncomePence: income ?? undefined,
		meansTestedBenefit: onBenefit ? benefit : null
	};
}

function readCircumstances(f: Fields, errors: Errors): GrantAnswers {
	const circumstances = (f.circumstances ?? '').trim();
	if (!circumstances)
		errors.circumstances = 'Tell us briefly why you need help with your fuel bills this winter';
	else if (circumstances.length > CIRCUMSTANCES_MAX)
		errors.circumstances = 'Keep it to 2,000 characters or fewer';
	return { circumstances };
}

function readPayment(f: Fields, errors: Errors): GrantAnswers {
	const payoutMethod = f.payoutMethod;
	if (payoutMethod !== 'bank' && payoutMethod !== 'supplier') {
		errors.payoutMethod = 'Select how you would like to be paid';
		return {};
	}
	const ref = tidy(f.supplierAccountReference ?? '');
	if (payoutMethod === 'supplier' && !ref)
		errors.supplierAccountReference =
			'Enter your energy account number, or your prepayment key or card number';
	return {
		payoutMethod,
		supplierAccountReference: payoutMethod === 'supplier' ? ref : undefined
	};
}

export const STEP_READERS: Record<StepSlug, StepReader> = {
	household: readHousehold,
	'fuel-bills': yesNoStep(
		'paysFuelBills',
		'Select yes if you pay, or share paying, the fuel bills'
	),
	supplier: readSupplier,
	income: readIncome,
	savings: yesNoStep(
		'savingsUnderLimit',
		'Select yes if your household’s savings are under the limit'
	),
	'previous-awards': yesNoStep(
		'previousAward',
		'Select yes if you have had a winter fuel grant from the branch before'
	),
	circumstances: readCircumstances,
	evidence: () => ({}),
	payment: readPayment
};
