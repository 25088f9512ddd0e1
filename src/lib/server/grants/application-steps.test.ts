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
