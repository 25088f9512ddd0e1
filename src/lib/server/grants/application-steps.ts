// The application's questions, one per page, in order. Each step reads its own form fields and
// returns either the answers to save or a message per field, keeping what the member typed.
import type { GrantAnswers } from '../db/schema/grants.ts';
import { checkForm } from '../form-schema.ts';
import { STEP_SCHEMAS } from './application-step-readers.ts';

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

export { MEANS_TESTED_BENEFITS, PAYMENT_TYPES } from './application-step-readers.ts';

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

/** Reads one step's fields (bank details are separate: they are encrypted, never in answers). */
export function readStep(slug: StepSlug, f: Fields): StepResult {
	const checked = checkForm(STEP_SCHEMAS[slug], f);
	return checked.ok ? { ok: true, answers: checked.data } : checked;
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
