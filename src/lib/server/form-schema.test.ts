import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { blankWhenMissing, checkForm, firstMessages, orNull } from './form-schema.ts';

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
