import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	OPEN_REDIRECT_CORPUS,
	randomTargets,
	staysOnSite
} from '../../../../tests/e2e/support/open-redirects.ts';
import { safeRedirectTarget } from './guards.ts';

const ORIGIN = 'http://localhost:3000';

/** What a browser could do with the answer: follow it, or fail to put it in a header. */
function problemWith(target: string) {
	if (!staysOnSite(target, ORIGIN)) return 'leaves the site';
	if (!target.startsWith('/') || target.startsWith('//')) return 'is not a plain path';
	if (!/^[\x21-\x7e]+$/.test(target)) return 'cannot go in a Location header as it is';
	if (target.includes('\\')) return 'holds a backslash';
	return null;
}

describe('a place to return to after signing in', () => {
	it('is kept when it is a plain path on this site', () => {
		expect(safeRedirectTarget('/admin/users')).toBe('/admin/users');
		expect(safeRedirectTarget('/events?category=course&page=2')).toBe(
			'/events?category=course&page=2'
		);
		expect(safeRedirectTarget('/verify-email?redirectTo=%2Faccount%3FemailChanged%3D1')).toBe(
			'/verify-email?redirectTo=%2Faccount%3FemailChanged%3D1'
		);
		expect(safeRedirectTarget('/events/pay-claim#book')).toBe('/events/pay-claim#book');
		expect(safeRedirectTarget('/événements')).toBe('/%C3%A9v%C3%A9nements');
	});

	it('is refused when a tab, a line break or any white space hides another host', () => {
		expect(safeRedirectTarget(decodeURIComponent('%2F%09%2Fevil.example'))).toBe('/account');
		expect(safeRedirectTarget('/\n/evil.example')).toBe('/account');
		expect(safeRedirectTarget('/account\r\nSet-Cookie: a=b')).toBe('/account');
		expect(safeRedirectTarget('/\u3000/evil.example', '/')).toBe('/');
	});

	it('never leaves the site, for every known open-redirect trick', () => {
		for (const attempt of OPEN_REDIRECT_CORPUS) {
			const target = safeRedirectTarget(attempt, '/account', ORIGIN);
			expect(problemWith(target), JSON.stringify(attempt)).toBeNull();
		}
	});

	it('never leaves the site, for random strings', () => {
		fc.assert(
			fc.property(randomTargets, (attempt) => {
				const target = safeRedirectTarget(attempt, '/account', ORIGIN);
				expect(problemWith(target), JSON.stringify(attempt)).toBeNull();
			}),
			{ numRuns: 5000 }
		);
	});

	it('stays on the site behind an https origin with a path-like host too', () => {
		fc.assert(
			fc.property(fc.oneof(fc.constantFrom(...OPEN_REDIRECT_CORPUS), randomTargets), (attempt) => {
				const target = safeRedirectTarget(attempt, '/', 'https://desk.branch.example');
				expect(staysOnSite(target, 'https://desk.branch.example')).toBe(true);
				expect(target.startsWith('//')).toBe(false);
			}),
			{ numRuns: 2000 }
		);
	});
});
