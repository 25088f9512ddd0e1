import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
	acrossFields,
	blankWhenMissing,
	checkField,
	checkForm,
	firstMessages,
	orNull,
	requiredText,
	wholeNumber
} from './form-schema.ts';

const NAME = v.pipe(
	v.string(),
	v.nonEmpty('Enter your name'),
	v.maxLength(5, 'Name must be 5 characters or fewer')
);
const PERSON = v.object({
	name: NAME,
	age: v.pipe(v.string(), v.regex(/^\d+$/, 'Enter your age'), v.transform(Number)),
	nickname: orNull
});

describe('reading a form by its schema', () => {
	it('gives the schema’s output and what was typed when all is well', () => {
		const values = { name: 'Ada', age: '36', nickname: '' };
		expect(checkForm(PERSON, values)).toEqual({
			ok: true,
			data: { name: 'Ada', age: 36, nickname: null },
			values
		});
	});

	it('keeps the first message for each field, under the field’s name, with what was typed', () => {
		const values = { name: '', age: 'old', nickname: 'A' };
		expect(checkForm(PERSON, values)).toEqual({
			ok: false,
			values,
			errors: { name: 'Enter your name', age: 'Enter your age' }
		});
	});

	it('lists the messages in the order the form lists its fields', () => {
		const later = v.pipe(
			v.object({ first: v.string(), second: v.pipe(v.string(), v.nonEmpty('Second')) }),
			v.forward(
				v.check((form) => form.first !== '', 'First'),
				['first']
			)
		);
		const checked = checkForm(later, { first: '', second: '' });
		expect(!checked.ok && Object.keys(checked.errors)).toEqual(['first', 'second']);
	});

	it('counts a field the form did not send as left blank', () => {
		const schema = v.object({ name: blankWhenMissing(NAME) });
		expect(checkForm(schema, {})).toMatchObject({ errors: { name: 'Enter your name' } });
	});

	it('names a field inside a list by its path, or as the form asks', () => {
		const rows = v.object({
			rows: v.array(v.object({ day: v.pipe(v.string(), v.nonEmpty('Day')) }))
		});
		const result = v.safeParse(rows, { rows: [{ day: 'Mon' }, { day: '' }] });
		expect(firstMessages(result.issues ?? [])).toEqual({ 'rows.1.day': 'Day' });
		const named = firstMessages(result.issues ?? [], (keys) => `row-${keys[1]}-${keys[2]}`);
		expect(named).toEqual({ 'row-1-day': 'Day' });
	});
});

describe('rules across fields and numbers', () => {
	const ROUND = v.pipe(
		v.object({
			budget: wholeNumber('Enter the budget', { min: 1 }),
			award: wholeNumber('Enter the award', { min: 1 }),
			name: v.pipe(
				v.string(),
				v.nonEmpty('Enter a name'),
				v.transform((name) => name.length)
			)
		}),
		acrossFields(
			['award', 'budget'],
			(round) => round.award <= round.budget,
			'The award must not be more than the budget'
		)
	);

	it('shows a broken rule by the first field it names, whatever else is wrong', () => {
		const values = { budget: '5', award: '6', name: '' };
		expect(checkForm(ROUND, values)).toMatchObject({
			errors: { award: 'The award must not be more than the budget', name: 'Enter a name' }
		});
	});

	it('checks the rule only when each field it names is right on its own', () => {
		for (const values of [
			{ budget: '0', award: '6', name: 'x' },
			{ budget: 'lots', award: '6', name: 'x' },
			{ budget: '5', award: '0', name: 'x' }
		]) {
			const checked = checkForm(ROUND, values);
			expect(checked.ok || Object.keys(checked.errors), JSON.stringify(values)).toHaveLength(1);
		}
		expect(checkForm(ROUND, { budget: '6', award: '6', name: 'x' })).toMatchObject({
			ok: true,
			data: { budget: 6, award: 6, name: 1 }
		});
	});

	it('reads a whole number in digits within its bounds, and only as many digits as allowed', () => {
		const months = wholeNumber('Enter months', { min: 1, max: 60, digits: /^\d{1,3}$/ });
		expect(v.parse(months, '060')).toBe(60);
		for (const typed of ['0', '61', '0006', '1.5', '-1', '', ' 6'])
			expect(v.safeParse(months, typed).success, typed).toBe(false);
	});
});

describe('a text field that must be filled in', () => {
	it('has one message when blank and another past its length, and is trimmed if asked', () => {
		const subject = requiredText('Enter a subject', 5, 'Too long');
		const label = requiredText('Enter a label', 5, 'Too long', { trim: true });
		const message = (schema: v.GenericSchema, typed: string) =>
			v.safeParse(schema, typed).issues?.[0].message ?? null;
		expect(message(subject, '')).toBe('Enter a subject');
		expect(message(subject, 'abcdef')).toBe('Too long');
		expect(v.parse(subject, ' ab ')).toBe(' ab ');
		expect(message(label, '   ')).toBe('Enter a label');
		expect(v.parse(label, '  abcde  ')).toBe('abcde');
	});
});

describe('a form of one field', () => {
	it('gives the checked value, or the first message', () => {
		const code = v.pipe(
			v.string(),
			v.transform((typed) => typed.replace(/\s+/g, '')),
			v.nonEmpty('Enter the code'),
			v.regex(/^\d{4}$/, 'The code is 4 numbers')
		);
		expect(checkField(code, '12 34')).toEqual({ ok: true, value: '1234' });
		expect(checkField(code, '  ')).toEqual({ ok: false, error: 'Enter the code' });
		expect(checkField(code, '12a')).toEqual({ ok: false, error: 'The code is 4 numbers' });
	});
});
