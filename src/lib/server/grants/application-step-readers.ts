// How each question page of the grant application reads its fields: one Valibot schema a page,
// giving the answers to save or a message for each field that is wrong. application-steps.ts
// runs them.
import * as v from 'valibot';
import type { GrantAnswers } from '../db/schema/grants.ts';
import { tidy } from '../members/matching-keys.ts';
import { parsePounds } from '../../money.ts';
import { acrossFields, blankWhenMissing, requiredText, wholeNumber } from '../form-schema.ts';
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

type StepSchema = v.GenericSchema<Record<string, string | undefined>, GrantAnswers>;

/** The longest answer about the member's circumstances, counted by the page as they type. */
export const CIRCUMSTANCES_MAX = 2000;

const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;

/** Text as posted, with runs of spaces made one and the ends trimmed. */
const tidied = blankWhenMissing(v.pipe(v.string(), v.transform(tidy)));

/** One of the listed answers, or `message` when another (or none) was sent. */
const oneOf = <const Option extends string>(options: readonly Option[], message: string) =>
	blankWhenMissing(v.pipe(v.string(), v.picklist(options, message)));

/** A count of people from `min` to 20; `blank` stands in for a field left empty. */
const people = (min: number, message: string, blank = '') =>
	blankWhenMissing(
		v.pipe(
			v.string(),
			v.transform((value) => value || blank),
			wholeNumber(message, { min, max: 20 })
		)
	);

/** A yes-or-no question: the answer under `field`, or `message` when neither was chosen. */
const yesNoStep = (
	field: 'paysFuelBills' | 'savingsUnderLimit' | 'previousAward',
	message: string
) =>
	v.object({
		[field]: v.pipe(
			oneOf(['yes', 'no'], message),
			v.transform((answer) => answer === 'yes')
		)
	});

const household = v.object({
	addressLine1: v.pipe(tidied, v.nonEmpty('Enter the first line of your address')),
	addressLine2: tidied,
	town: v.pipe(tidied, v.nonEmpty('Enter your town or city')),
	postcode: v.pipe(
		tidied,
		v.toUpperCase(),
		v.nonEmpty('Enter your postcode'),
		v.regex(POSTCODE, 'Enter a full UK postcode, like B15 2TT')
	),
	adults: people(1, 'Enter the number of adults in your home, including you, from 1 to 20'),
	children: people(0, 'Enter the number of children, from 0 to 20', '0')
});

const supplier = v.object({
	supplier: v.pipe(
		tidied,
		v.nonEmpty('Enter the name of your energy supplier'),
		v.maxLength(80, 'Supplier name must be 80 characters or fewer')
	),
	paymentType: oneOf(
		Object.keys(PAYMENT_TYPES) as (keyof typeof PAYMENT_TYPES)[],
		'Select how you pay for your energy'
	)
});

const onBenefit = (benefit: string) =>
	(MEANS_TESTED_BENEFITS as readonly string[]).includes(benefit);

const income = v.pipe(
	v.object({
		monthlyIncome: blankWhenMissing(
			v.pipe(
				v.string(),
				v.check(
					(pounds) => !pounds || parsePounds(pounds) !== null,
					'Enter your household’s monthly income in pounds, like 1450'
				)
			)
		),
		meansTestedBenefit: blankWhenMissing(
			v.pipe(
				v.string(),
				v.check(
					(benefit) => !benefit || benefit === 'none' || onBenefit(benefit),
					'Choose a benefit from the list'
				)
			)
		)
	}),
	acrossFields(
		['monthlyIncome'],
		(answers) => answers.monthlyIncome !== '' || onBenefit(answers.meansTestedBenefit),
		'Enter your household’s monthly income, or choose the means-tested benefit you receive'
	),
	v.transform(({ monthlyIncome, meansTestedBenefit }) => ({
		monthlyIncomePence: monthlyIncome ? (parsePounds(monthlyIncome) ?? undefined) : undefined,
		meansTestedBenefit: onBenefit(meansTestedBenefit) ? meansTestedBenefit : null
	}))
);

const circumstances = v.object({
	circumstances: blankWhenMissing(
		requiredText(
			'Tell us briefly why you need help with your fuel bills this winter',
			CIRCUMSTANCES_MAX,
			'Keep it to 2,000 characters or fewer',
			{ trim: true }
		)
	)
});

const payment = v.pipe(
	v.object({
		payoutMethod: oneOf(['bank', 'supplier'], 'Select how you would like to be paid'),
		supplierAccountReference: tidied
	}),
	acrossFields(
		['supplierAccountReference', 'payoutMethod'],
		(answers) => answers.payoutMethod !== 'supplier' || answers.supplierAccountReference !== '',
		'Enter your energy account number, or your prepayment key or card number'
	),
	v.transform(({ payoutMethod, supplierAccountReference }) => ({
		payoutMethod,
		supplierAccountReference: payoutMethod === 'supplier' ? supplierAccountReference : undefined
	}))
);

export const STEP_SCHEMAS: Record<StepSlug, StepSchema> = {
	household,
	'fuel-bills': yesNoStep(
		'paysFuelBills',
		'Select yes if you pay, or share paying, the fuel bills'
	),
	supplier,
	income,
	savings: yesNoStep(
		'savingsUnderLimit',
		'Select yes if your household’s savings are under the limit'
	),
	'previous-awards': yesNoStep(
		'previousAward',
		'Select yes if you have had a winter fuel grant from the branch before'
	),
	circumstances,
	evidence: v.object({}),
	payment
};
