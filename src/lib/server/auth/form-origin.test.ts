import { describe, expect, it } from 'vitest';
import { isFormPost, isFormPostAllowed } from './form-origin.ts';

const demo = { origin: 'http://localhost:3000', originPinned: false };
const realSite = { origin: 'https://desk.example.org', originPinned: true };
const form = (origin: string | null, contentType = 'application/x-www-form-urlencoded') => ({
	method: 'POST',
	contentType,
	origin
});

describe('form posts from the desk’s own pages', () => {
	it('in the demo, accepts a form from whichever address served it', () => {
		expect(isFormPostAllowed(form('http://localhost:3000'), 'localhost:3000', demo)).toBe(true);
		expect(isFormPostAllowed(form('http://127.0.0.1:3000'), '127.0.0.1:3000', demo)).toBe(true);
		expect(isFormPostAllowed(form('http://192.168.1.20:3000'), '192.168.1.20:3000', demo)).toBe(
			true
		);
	});

	it('in the demo, refuses a form another site sent to it', () => {
		expect(isFormPostAllowed(form('http://evil.example'), '127.0.0.1:3000', demo)).toBe(false);
		expect(isFormPostAllowed(form('http://127.0.0.1:3001'), '127.0.0.1:3000', demo)).toBe(false);
		expect(isFormPostAllowed(form('null'), '127.0.0.1:3000', demo)).toBe(false);
		expect(isFormPostAllowed(form(null), '127.0.0.1:3000', demo)).toBe(false);
	});

	it('with ORIGIN set, accepts only that origin, whatever the Host header says', () => {
		expect(isFormPostAllowed(form('https://desk.example.org'), 'desk.example.org', realSite)).toBe(
			true
		);
		expect(isFormPostAllowed(form('http://127.0.0.1:3000'), '127.0.0.1:3000', realSite)).toBe(
			false
		);
		expect(isFormPostAllowed(form('http://desk.example.org'), 'desk.example.org', realSite)).toBe(
			false
		);
	});

	it('checks every encoding a form can send, in any case, and leaves other requests alone', () => {
		for (const type of [
			'multipart/form-data; boundary=x',
			'TEXT/PLAIN',
			'application/x-sveltekit-formdata'
		]) {
			expect(isFormPost({ method: 'POST', contentType: type }), type).toBe(true);
		}
		expect(isFormPost({ method: 'DELETE', contentType: 'text/plain' })).toBe(true);
		expect(isFormPost({ method: 'GET', contentType: 'text/plain' })).toBe(false);
		// A webhook's JSON needs a CORS preflight from a browser, so another site cannot send it.
		expect(isFormPostAllowed(form(null, 'application/json'), 'x', realSite)).toBe(true);
	});
});
