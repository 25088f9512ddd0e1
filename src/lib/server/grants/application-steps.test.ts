import { describe, expect, it } from 'vitest';
import { readStep } from './application-steps.ts';

describe('the application question pages', () => {
	it('take the way a member pays for energy only from the list', () => {
		expect(readStep('supplier', { supplier: 'Octopus', paymentType: 'prepayment' })).toEqual({
			ok: true,
			answers: { supplier: 'Octopus', paymentType: 'prepayment' }
		});
		for (const paymentType of ['constructor', 'toString', '__proto__', 'cash']) {
			expect(readStep('supplier', { supplier: 'Octopus', paymentType }), paymentType).toEqual({
				ok: false,
				errors: { paymentType: 'Select how you pay for your energy' },
				values: { supplier: 'Octopus', paymentType }
			});
		}
	});
});

describe('the longer answers and the payment step', () => {
	it('take up to 2,000 characters about circumstances, counted after trimming', () => {
		const full = 'a'.repeat(2000);
		expect(readStep('circumstances', { circumstances: ` ${full}\n` })).toEqual({
			ok: true,
			answers: { circumstances: full }
		});
		expect(readStep('circumstances', { circumstances: `${full}b` })).toMatchObject({
			ok: false,
			errors: { circumstances: 'Keep it to 2,000 characters or fewer' }
		});
		expect(readStep('circumstances', { circumstances: '   ' })).toMatchObject({
			ok: false,
			errors: {
				circumstances: 'Tell us briefly why you need help with your fuel bills this winter'
			}
		});
	});

	it('ask how to be paid under the field the error summary links to', () => {
		expect(readStep('payment', {})).toEqual({
			ok: false,
			errors: { payoutMethod: 'Select how you would like to be paid' },
			values: {}
		});
		expect(readStep('payment', { payoutMethod: 'supplier' })).toMatchObject({
			ok: false,
			errors: {
				supplierAccountReference:
					'Enter your energy account number, or your prepayment key or card number'
			}
		});
		expect(readStep('payment', { payoutMethod: 'bank' })).toEqual({
			ok: true,
			answers: { payoutMethod: 'bank', supplierAccountReference: undefined }
		});
	});

	it('read every yes-or-no question, and ask again when neither was chosen', () => {
		expect(readStep('savings', { savingsUnderLimit: 'no' })).toEqual({
			ok: true,
			answers: { savingsUnderLimit: false }
		});
		expect(readStep('fuel-bills', { paysFuelBills: 'maybe' })).toMatchObject({
			ok: false,
			errors: { paysFuelBills: 'Select yes if you pay, or share paying, the fuel bills' }
		});
	});
});
