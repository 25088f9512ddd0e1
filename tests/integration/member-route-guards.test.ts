// Every load and action of the membership and account routes refuses the wrong person: the
// import is for admins who have passed two-factor, the account pages for signed-in members.
import { describe, expect, it } from 'vitest';
import type { Session, User } from '../../src/lib/server/db/schema/index.ts';
import * as adminMembers from '../../src/routes/(admin)/admin/members/+page.server.ts';
import * as account from '../../src/routes/(account)/account/+page.server.ts';
import * as deletePage from '../../src/routes/(account)/account/delete/+page.server.ts';
import * as myData from '../../src/routes/(account)/account/my-data.zip/+server.ts';

const now = new Date('2026-11-22T10:00:00Z');

function person(fields: Partial<User> = {}, session: Partial<Session> = {}) {
	return {
		user: {
			id: 1,
			email: 'someone@example.org',
			emailVerifiedAt: now,
			name: 'Someone',
			roles: [],
			totpSecret: null,
			totpEnrolledAt: null,
			...fields
		} as User,
		session: { id: 's', twoFactorVerifiedAt: null, ...session } as Session
	};
}

const visitors = {
	'nobody signed in': null,
	'an unverified email': person({ emailVerifiedAt: null }),
	'a member': person(),
	'an admin without two-factor': person({ roles: ['admin'] }),
	'an admin who has not entered a code': person({
		roles: ['admin'],
		totpSecret: 'JBSWY3DPEHPK3PXP',
		totpEnrolledAt: now
	}),
	'an organiser': person(
		{ roles: ['organiser'], totpSecret: 'JBSWY3DPEHPK3PXP', totpEnrolledAt: now },
		{ twoFactorVerifiedAt: now }
	)
};

async function outcome(handler: (event: never) => unknown, viewer: unknown, path: string) {
	const event = {
		locals: { viewer },
		url: new URL(`http://localhost${path}`),
		request: new Request(`http://localhost${path}`, { method: 'POST', body: new FormData() }),
		cookies: { get: () => undefined, set: () => {}, delete: () => {} }
	};
	try {
		await handler(event as never);
		return 'allowed';
	} catch (thrown) {
		const { status, location } = thrown as { status?: number; location?: string };
		return location ? `${status} ${location.split('?')[0]}` : String(status);
	}
}

function handlers(module: Record<string, unknown>) {
	const found: [string, (event: never) => unknown][] = [];
	for (const [name, value] of Object.entries(module)) {
		if (name === 'actions') {
			for (const [action, fn] of Object.entries(value as Record<string, never>)) {
				found.push([`action ${action}`, fn]);
			}
		} else if (typeof value === 'function') found.push([name, value as never]);
	}
	return found;
}

describe('the membership list import', () => {
	const expected: Record<keyof typeof visitors, string> = {
		'nobody signed in': '303 /login',
		'an unverified email': '303 /verify-email',
		'a member': '403',
		'an admin without two-factor': '303 /two-factor/setup',
		'an admin who has not entered a code': '303 /two-factor',
		'an organiser': '403'
	};
	for (const [name, handler] of handlers(adminMembers)) {
		it(`${name} refuses everyone but an admin who has passed two-factor`, async () => {
			for (const [who, viewer] of Object.entries(visitors)) {
				expect([who, await outcome(handler, viewer, '/admin/members')]).toEqual([
					who,
					expected[who as keyof typeof visitors]
				]);
			}
		});
	}
});

describe('the account pages', () => {
	for (const [path, module] of [
		['/account', account],
		['/account/delete', deletePage],
		['/account/my-data.zip', myData]
	] as const) {
		for (const [name, handler] of handlers(module)) {
			it(`${path} ${name} sends visitors to sign in, and unverified accounts to verify`, async () => {
				expect(await outcome(handler, null, path)).toBe('303 /login');
				expect(await outcome(handler, visitors['an unverified email'], path)).toBe(
					'303 /verify-email'
				);
			});
		}
	}
});
