import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { readForm } from './read-form.ts';

async function refusal(request: Request) {
	try {
		await readForm(request);
	} catch (thrown) {
		if (isHttpError(thrown)) return thrown;
		throw thrown;
	}
	throw new Error('the form was read');
}

describe('reading the body of a form post', () => {
	it('answers a multipart body cut off on the way with a 400 that says what happened', async () => {
		const body = '--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nHalf a tit';
		const thrown = await refusal(
			new Request('http://localhost/', {
				method: 'POST',
				headers: { 'content-type': 'multipart/form-data; boundary=b' },
				body
			})
		);
		expect(thrown.status).toBe(400);
		expect(thrown.body.message).toMatch(/did not arrive in full/);
	});

	it('answers a body over the server limit with a 413 that says what to do', async () => {
		const tooLarge = Object.assign(new Error('Payload Too Large'), { status: 413 });
		const request = new Request('http://localhost/', { method: 'POST' });
		request.formData = () => Promise.reject(new Error('read failed', { cause: tooLarge }));
		const thrown = await refusal(request);
		expect(thrown.status).toBe(413);
		expect(thrown.body.message).toMatch(/larger than this form can take/);
	});
});
