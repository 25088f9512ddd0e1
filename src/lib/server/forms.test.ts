import { describe, expect, it } from 'vitest';
import { formId, formText } from './forms.ts';

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) data.append(name, value);
	return data;
};

describe('reading a submitted form', () => {
	it('takes a record id only when it is a whole number from 1 up', () => {
		expect(formId(form({ id: '42' }), 'id')).toBe(42);
		for (const value of ['', '0', '-1', '1.5', '1e3', '0x10', 'NaN', ' 7x', '9'.repeat(20)]) {
			expect(formId(form({ id: value }), 'id'), value).toBeNull();
		}
		expect(formId(form({}), 'id')).toBeNull();
	});

	it('reads a file where text belongs as nothing, and cuts a huge value short', () => {
		const data = new FormData();
		data.append('name', new File(['x'], 'x.txt'));
		data.append('notes', 'a'.repeat(50_000));
		expect(formText(data, 'name')).toBe('');
		expect(formText(data, 'notes')).toHaveLength(20_000);
	});

	it('drops control characters nobody types, keeping tabs and line breaks', () => {
		expect(formText(form({ notes: 'a\u0000b\u0007c\td\r\ne\u001bf\u007f' }), 'notes')).toBe(
			'abc\td\r\nef'
		);
	});
});
