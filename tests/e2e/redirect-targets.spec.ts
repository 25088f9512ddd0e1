// Every place that takes an address to return to (sign-in, sign-up, two-factor, its setup),
// fed the known open-redirect tricks and random strings: none sends the browser off the site
// and none answers with a server error, whether the address comes in the query or the form.
import { expect, test, type APIRequestContext } from '@playwright/test';
import fc from 'fast-check';
import { postForm } from './support/form-body.ts';
import { createMemberInGoodStanding, MEMBER_PASSWORD } from './support/members.ts';
import {
	EVIL_HOST,
	OPEN_REDIRECT_CORPUS,
	randomTargets,
	staysOnSite
} from './support/open-redirects.ts';
import { signIn } from './support/accounts.ts';
import { createAccount } from './support/staff.ts';
import { sessionFor } from './support/sessions.ts';

const targets = [
	...OPEN_REDIRECT_CORPUS,
	...fc.sample(randomTargets, { numRuns: 150, seed: Number(process.env.HOSTILE_SEED ?? 18) })
];

type Answer = { status: number; location: string | undefined };

async function get(request: APIRequestContext, path: string, token: string | null) {
	const response = await request.get(path, {
		maxRedirects: 0,
		headers: token ? { cookie: `session=${token}` } : {}
	});
	return { status: response.status(), location: response.headers()['location'] };
}

function problem(answer: Answer, origin: string) {
	if (answer.status >= 500) return `a server error (${answer.status})`;
	if (answer.location !== undefined && !staysOnSite(answer.location, origin)) {
		return `a redirect off the site to ${answer.location}`;
	}
	return null;
}

test('no return address leaves the site or breaks a page, from the query string', async ({
	request,
	baseURL
}) => {
	test.setTimeout(180_000);
	const member = await createMemberInGoodStanding('Redirect Member');
	const staff = await createAccount({
		name: 'Redirect Staff',
		roles: ['organiser'],
		twoFactor: true
	});
	const enrolling = await createAccount({ name: 'Redirect Enrolling', roles: ['welfare'] });
	// Signed in, each page sends the person straight on to the address it was given.
	const people: [string, string | null][] = [
		['/login', null],
		['/register', null],
		['/login', await sessionFor(member.email)],
		['/register', await sessionFor(member.email)],
		['/two-factor', await sessionFor(staff.email)],
		['/two-factor', await sessionFor(staff.email, { twoFactorDone: false })],
		['/two-factor/setup', await sessionFor(staff.email)],
		['/two-factor/setup', await sessionFor(enrolling.email)],
		['/verify-email', null]
	];
	const failures: string[] = [];
	for (const target of targets) {
		for (const [page, token] of people) {
			const path = `${page}?redirectTo=${encodeURIComponent(target)}`;
			const said = problem(await get(request, path, token), baseURL!);
			if (said)
				failures.push(
					`GET ${page} (${token ? 'signed in' : 'anonymous'}) with ${JSON.stringify(target)}: ${said}`
				);
		}
	}
	expect(failures.slice(0, 20), failures.join('\n')).toEqual([]);
});

test('no return address posted with a real sign-in leaves the site', async ({
	request,
	baseURL
}) => {
	test.setTimeout(240_000);
	const member = await createMemberInGoodStanding('Redirect Poster');
	const failures: string[] = [];
	const chosen = [...OPEN_REDIRECT_CORPUS.slice(0, 40), ...targets.slice(-10)];
	for (const target of chosen) {
		const response = await postForm(
			request,
			`/login?redirectTo=${encodeURIComponent(target)}`,
			{ email: member.email, password: MEMBER_PASSWORD, redirectTo: target },
			null
		);
		const said = problem(
			{ status: response.status(), location: response.headers()['location'] },
			baseURL!
		);
		if (said) failures.push(`POST /login with ${JSON.stringify(target)}: ${said}`);
	}
	expect(failures, failures.join('\n')).toEqual([]);
});

test('a tab in the return address does not take the browser to another site after signing in', async ({
	page,
	baseURL
}) => {
	const member = await createMemberInGoodStanding('Redirect Tab');
	await page.goto(`/login?redirectTo=%2F%09%2F${EVIL_HOST}`);
	await signIn(page, member.email, MEMBER_PASSWORD);
	await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
	expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
	expect(new URL(page.url()).pathname).toBe('/account');
});
