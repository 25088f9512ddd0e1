import { describe, expect, it } from 'vitest';
import { parseAnswers, readAnswerForm } from './answers.ts';

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

describe('the booking and ballot entry form', () => {
	it('is read as typed: every access need ticked, trimmed text, and the organiser’s questions', () => {
		const form = new FormData();
		for (let i = 0; i < 12; i++) form.append('accessNeeds', i ? 'bsl' : 'step-free');
		form.append('accessNotes', ' a ramp ');
		form.append('guests', '1');
		form.append('q-7', 'Yes');
		form.append('x-1', 'ignored');
		const { values, answers } = readAnswerForm(form);
		expect(values).toEqual({
			accessNeeds: ['step-free', ...Array(9).fill('bsl')],
			accessNotes: 'a ramp',
			dietary: '',
			employer: '',
			guests: '1'
		});
		expect(answers).toEqual({ 'q-7': ['Yes'] });
	});

	it('names the guests allowed, or says the event takes none', () => {
		expect(parseAnswers({ ...input, guests: '3' }, questions, 2)).toEqual({
			ok: false,
			errors: { guests: 'Enter a number of guests from 0 to 2' }
		});
		expect(parseAnswers({ ...input, guests: '1' }, questions, 0)).toEqual({
			ok: false,
			errors: { guests: 'This event does not take guests' }
		});
	});
});
