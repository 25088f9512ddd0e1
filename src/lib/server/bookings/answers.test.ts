import { describe, expect, it } from 'vitest';
import { parseAnswers } from './answers.ts';

const questions = { accessNeeds: true, dietary: true, employer: false };
const input = { accessNeeds: [], accessNotes: '', dietary: '', employer: '', guests: '' };

describe('the booking questions', () => {
	it('keeps access needs chosen from the list', () => {
		expect(parseAnswers({ ...input, accessNeeds: ['step-free', 'bsl'] }, questions, 0)).toEqual({
			ok: true,
			answers: { accessNeeds: ['step-free', 'bsl'] },
			guests: 0
		});
	});

	it('refuses an access need that is not on the list, even one every object has', () => {
		for (const need of ['constructor', 'toString', '__proto__', 'ramp']) {
			expect(parseAnswers({ ...input, accessNeeds: [need] }, questions, 0), need).toEqual({
				ok: false,
				errors: { accessNeeds: 'Choose access needs from the list' }
			});
		}
	});
});
