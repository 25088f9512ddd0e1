// The application's questions, one per page, in order. Each step reads its own form fields and
// returns either the answers to save or a message per field, keeping what the member typed.
import type { GrantAnswers } from '../db/schema/grants.ts';
import { tidy } from '../members/matching-keys.ts';
import { parsePounds } from '../../money.ts';

export const APPLICATION_STEPS = [
	{ slug: 'household', title: 'Your household' },
	{ slug: 'fuel-bills', title: 'Do you pay your household’s fuel bills?' },
	{ slug: 'supplier', title: 'Your energy supplier' },
	{ slug: 'income', title: 'Your household’s income' },
	{ slug: 'savings', title: 'Your household’s savings' },
	{ slug: 'previous-awards', title: 'Grants you have had before' },
	{ slug: 'circumstances', title: 'Your circumstances' },
	{ slug: 'evidence', title: 'Upload evidence' },
	{ slug: 'payment', title: 'How you would like to be paid' }
] as const;

export type StepSlug = (typeof APPLICATION_STEPS)[number]['slug'];

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

export function isStepSlug(value: string): value is StepSlug {
	return APPLICATION_STEPS.some((s) => s.slug === value);
}

export function nextStep(slug: StepSlug): StepSlug | 'check' {
	const i = APPLICATION_STEPS.findIndex((s) => s.slug === slug);
	return APPLICATION_STEPS[i + 1]?.slug ?? 'check';
}

export function previousStep(slug: StepSlug): StepSlug | null {
	const i = APPLICATION_STEPS.findIndex((s) => s.slug === slug);
	return i > 0 ? APPLICATION_STEPS[i - 1].slug : null;
}

type Fields = Record<string, string>;
export type StepResult =
	| { ok: true; answers: GrantAnswers }
	| { ok: false; errors: Record<string, string>; values: Fields };

const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;

function wholeNumber(value: string, min: number, max: number) {
	if (!/^\d+$/.test(value)) return null;
	const n = Number(value);
	return n >= min && n <= max ? n : null;
}

function yesNo(value: string) {
	return value === 'yes' ? true : value === 'no' ? false : null;
}

/** Reads one step's fields (bank details are separate: they are encrypted, never in answers). */
export function readStep(slug: StepSlug, f: Fields): StepResult {
	const errors: Record<string, string> = {};
	const done = (answers: GrantAnswers): StepResult =>
		Object.keys(errors).length ? { ok: false, errors, values: f } : { ok: true, answers };
	switch (slug) {
		case 'household': {
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
			return done({
				addressLine1,
				addressLine2: tidy(f.addressLine2 ?? ''),
				town: tidy(f.town ?? ''),
				postcode,
				adults: adults ?? undefined,
				children: children ?? undefined
			});
		}
		case 'fuel-bills': {
			const paysFuelBills = yesNo(f.paysFuelBills ?? '');
			if (paysFuelBills === null)
				errors.paysFuelBills = 'Select yes if you pay, or share paying, the fuel bills';
			return done({ paysFuelBills: paysFuelBills ?? undefined });
		}
		case 'supplier': {
			const supplier = tidy(f.supplier ?? '');
			const paymentType = f.paymentType as keyof typeof PAYMENT_TYPES;
			if (!supplier) errors.supplier = 'Enter the name of your energy supplier';
			else if (supplier.length > 80)
				errors.supplier = 'Supplier name must be 80 characters or fewer';
			if (!Object.hasOwn(PAYMENT_TYPES, paymentType))
				errors.paymentType = 'Select how you pay for your energy';
			return done({ supplier, paymentType });
		}
		case 'income': {
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
			return done({
				monthlyIncomePence: income ?? undefined,
				meansTestedBenefit: onBenefit ? benefit : null
			});
		}
		case 'savings': {
			const savingsUnderLimit = yesNo(f.savingsUnderLimit ?? '');
			if (savingsUnderLimit === null)
				errors.savingsUnderLimit = 'Select yes if your household’s savings are under the limit';
			return done({ savingsUnderLimit: savingsUnderLimit ?? undefined });
		}
		case 'previous-awards': {
			const previousAward = yesNo(f.previousAward ?? '');
			if (previousAward === null)
				errors.previousAward =
					'Select yes if you have had a winter fuel grant from the branch before';
			return done({ previousAward: previousAward ?? undefined });
		}
		case 'circumstances': {
			const circumstances = (f.circumstances ?? '').trim();
			if (!circumstances)
				errors.circumstances = 'Tell us briefly why you need help with your fuel bills this winter';
			else if (circumstances.length > 2000)
				errors.circumstances = 'Keep it to 2,000 characters or fewer';
			return done({ circumstances });
		}
		case 'evidence':
			return done({});
		case 'payment': {
			const payoutMethod = f.payoutMethod;
			if (payoutMethod !== 'bank' && payoutMethod !== 'supplier') {
				errors.payoutMethod = 'Select how you would like to be paid';
				return done({});
			}
			const ref = tidy(f.supplierAccountReference ?? '');
			if (payoutMethod === 'supplier' && !ref)
				errors.supplierAccountReference =
					'Enter your energy account number, or your prepayment key or card number';
			return done({
				payoutMethod,
				supplierAccountReference: payoutMethod === 'supplier' ? ref : undefined
			});
		}
	}
}

/** The fields a step shows, filled from saved answers when the member comes back to it. */
export function stepValues(slug: StepSlug, a: GrantAnswers): Fields {
	const yn = (v: boolean | undefined) => (v === undefined ? '' : v ? 'yes' : 'no');
	switch (slug) {
		case 'household':
			return {
				addressLine1: a.addressLine1 ?? '',
				addressLine2: a.addressLine2 ?? '',
				town: a.town ?? '',
				postcode: a.postcode ?? '',
				adults: a.adults?.toString() ?? '',
				children: a.children?.toString() ?? ''
			};
		case 'fuel-bills':
			return { paysFuelBills: yn(a.paysFuelBills) };
		case 'supplier':
			return { supplier: a.supplier ?? '', paymentType: a.paymentType ?? '' };
		case 'income':
			return {
				monthlyIncome:
					a.monthlyIncomePence === undefined ? '' : (a.monthlyIncomePence / 100).toString(),
				meansTestedBenefit: a.meansTestedBenefit ?? ''
			};
		case 'savings':
			return { savingsUnderLimit: yn(a.savingsUnderLimit) };
		case 'previous-awards':
			return { previousAward: yn(a.previousAward) };
		case 'circumstances':
			return { circumstances: a.circumstances ?? '' };
		case 'evidence':
			return {};
		case 'payment':
			return {
				payoutMethod: a.payoutMethod ?? '',
				supplierAccountReference: a.supplierAccountReference ?? ''
			};
	}
}

/** The first step still unanswered, so "Continue your application" lands in the right place. */
export function firstUnansweredStep(a: GrantAnswers): StepSlug | 'check' {
	if (!a.addressLine1) return 'household';
	if (a.paysFuelBills === undefined) return 'fuel-bills';
	if (!a.paymentType) return 'supplier';
	if (a.monthlyIncomePence === undefined && !a.meansTestedBenefit) return 'income';
	if (a.savingsUnderLimit === undefined) return 'savings';
	if (a.previousAward === undefined) return 'previous-awards';
	if (!a.circumstances) return 'circumstances';
	if (!a.payoutMethod) return 'evidence';
	return 'check';
}
