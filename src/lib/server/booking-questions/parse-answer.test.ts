import { describe, expect, it } from 'vitest';
import { parseQuestionAnswer, parseQuestionAnswers, type AskedQuestion } from './parse-answer.ts';
import { checkQuestionForm, emptyQuestionForm } from './question-form.ts';

const ask = (fields: Partial<AskedQuestion>): AskedQuestion => ({
	id: 7,
	type: 'short-text',
	wording: 'Which workplace are you based at?',
	options: [],
	required: false,
	sensitive: false,
	...fields
});

const answer = (question: AskedQuestion, given: string[]) => {
	const parsed = parseQuestionAnswer(question, given);
	return parsed.ok ? parsed.answer?.answer : `error: ${parsed.error}`;
};

describe('short text', () => {
	const q = ask({ type: 'short-text', required: true });
	it('keeps the answer trimmed, with the wording the member saw', () => {
		expect(parseQuestionAnswer(q, ['  Council House  '])).toEqual({
			ok: true,
			answer: {
				questionId: 7,
				question: 'Which workplace are you based at?',
				answer: 'Council House',
				sensitive: false
			}
		});
	});
	it('asks for an answer when required and names the question', () => {
		expect(answer(q, ['   '])).toBe(
			'error: Enter an answer to ‘Which workplace are you based at?’'
		);
	});
	it('refuses more than 200 characters', () => {
		expect(answer(q, ['x'.repeat(201)])).toBe('error: Keep your answer to 200 characters or fewer');
	});
	it('leaves an optional question unanswered', () => {
		expect(parseQuestionAnswer({ ...q, required: false }, [])).toEqual({ ok: true, answer: null });
	});
});

describe('long text', () => {
	const q = ask({ type: 'long-text' });
	it('takes up to 2000 characters, line breaks and all', () => {
		expect(answer(q, ['Line one\nLine two'])).toBe('Line one\nLine two');
		expect(answer(q, ['x'.repeat(2000)])).toHaveLength(2000);
		expect(answer(q, ['x'.repeat(2001)])).toMatch(/^error: Keep your answer to 2000/);
	});
});

describe('one choice', () => {
	const q = ask({
		type: 'one-choice',
		wording: 'T-shirt size',
		options: ['S', 'M', 'L'],
		required: true
	});
	it('takes one of the options', () => {
		expect(answer(q, ['M'])).toBe('M');
	});
	it('refuses a value not on the list, or two values', () => {
		expect(answer(q, ['XXL'])).toBe('error: Select one answer to ‘T-shirt size’ from the list');
		expect(answer(q, ['S', 'M'])).toMatch(/^error: Select one answer/);
	});
	it('asks to select when nothing is chosen', () => {
		expect(answer(q, [])).toBe('error: Select an answer to ‘T-shirt size’');
	});
});

describe('several choices', () => {
	const q = ask({
		type: 'several-choices',
		wording: 'Shifts',
		options: ['Early', 'Late', 'Night']
	});
	it('keeps the choices in the list’s order, once each', () => {
		expect(answer(q, ['Night', 'Early', 'Night'])).toEqual(['Early', 'Night']);
	});
	it('refuses a choice not on the list', () => {
		expect(answer(q, ['Early', '=cmd|calc'])).toBe(
			'error: Select answers to ‘Shifts’ from the list'
		);
	});
	it('asks for at least one when required', () => {
		expect(answer({ ...q, required: true }, [])).toBe(
			'error: Select at least one answer to ‘Shifts’'
		);
	});
});

describe('yes or no', () => {
	const q = ask({ type: 'yes-no', wording: 'Are you a newly elected rep?', required: true });
	it('takes Yes or No only', () => {
		expect(answer(q, ['Yes'])).toBe('Yes');
		expect(answer(q, ['No'])).toBe('No');
		expect(answer(q, ['yes please'])).toBe(
			'error: Select yes or no for ‘Are you a newly elected rep?’'
		);
		expect(answer(q, [])).toBe('error: Select yes or no for ‘Are you a newly elected rep?’');
	});
});

describe('a number', () => {
	const q = ask({ type: 'number', wording: 'Years in post' });
	it('takes whole and decimal numbers, written as people do', () => {
		expect(answer(q, ['3'])).toBe('3');
		expect(answer(q, ['2.5'])).toBe('2.5');
		expect(answer(q, ['1,200'])).toBe('1200');
		expect(answer(q, ['-4'])).toBe('-4');
	});
	it('refuses words, exponents and numbers nobody means', () => {
		for (const bad of ['three', '1e5', '12345678901', '0x10', 'NaN', '1.234'])
			expect(answer(q, [bad])).toBe('error: Enter a number for ‘Years in post’, like 3 or 2.5');
	});
});

describe('a whole booking form', () => {
	it('gives a message by each wrong field and no answers', () => {
		const questions = [
			ask({ id: 1, type: 'yes-no', wording: 'Rep?', required: true }),
			ask({ id: 2, type: 'number', wording: 'Age' }),
			ask({ id: 3, type: 'short-text', wording: 'Workplace' })
		];
		expect(parseQuestionAnswers(questions, { 'q-2': ['old'], 'q-3': ['Depot'] })).toEqual({
			ok: false,
			errors: {
				'q-1': 'Select yes or no for ‘Rep?’',
				'q-2': 'Enter a number for ‘Age’, like 3 or 2.5'
			}
		});
		const fine = parseQuestionAnswers(questions, { 'q-1': ['No'], 'q-3': ['Depot'] });
		expect(fine.ok && fine.answers.map((a) => [a.questionId, a.answer])).toEqual([
			[1, 'No'],
			[3, 'Depot']
		]);
	});
});

describe('the organiser’s question editor', () => {
	it('needs a kind of answer and wording, and two choices for a list', () => {
		expect(checkQuestionForm(emptyQuestionForm)).toEqual({
			ok: false,
			errors: {
				type: 'Select what kind of answer the question takes',
				wording: 'Enter the question'
			}
		});
		expect(
			checkQuestionForm({
				...emptyQuestionForm,
				type: 'one-choice',
				wording: 'Size',
				options: 'M\n M '
			})
		).toEqual({ ok: false, errors: { options: 'Enter at least 2 choices, one on each line' } });
	});
	it('reads a list question with its flags', () => {
		expect(
			checkQuestionForm({
				type: 'several-choices',
				wording: ' Shifts ',
				hint: '',
				options: 'Early\r\n\r\nLate\nEarly',
				required: 'yes',
				sensitive: 'yes'
			})
		).toEqual({
			ok: true,
			draft: {
				type: 'several-choices',
				wording: 'Shifts',
				hint: null,
				options: ['Early', 'Late'],
				required: true,
				sensitive: true
			}
		});
	});
	it('drops choices typed into a question that takes none', () => {
		const checked = checkQuestionForm({
			...emptyQuestionForm,
			type: 'yes-no',
			wording: 'Rep?',
			options: 'a\nb'
		});
		expect(checked.ok && checked.draft.options).toEqual([]);
	});
});
