// A member's control over where they are signed in: the account page lists each browser with
// when it signed in and was last seen, "Sign out everywhere else" ends all but this one, and
// deleting the account needs the password again, not just a session.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { signIn } from './support/accounts.ts';
import { postForm } from './support/form-body.ts';
import { createMemberInGoodStanding, MEMBER_PASSWORD } from './support/members.ts';
import { openE2eDatabase } from './support/server.ts';
import { sessionFor } from './support/sessions.ts';

const FIREFOX_ON_WINDOWS =
	'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI_ON_IPHONE =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

test('a member sees where they are signed in and signs out everywhere else', async ({
	browser
}) => {
	const member = await createMemberInGoodStanding('Devices Member');
	const phone = await browser.newContext({ userAgent: SAFARI_ON_IPHONE });
	const phonePage = await phone.newPage();
	await phonePage.goto('/login');
	await signIn(phonePage, member.email, MEMBER_PASSWORD);
	await expect(phonePage.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();

	const laptop = await browser.newContext({ userAgent: FIREFOX_ON_WINDOWS });
	const page = await laptop.newPage();
	await page.goto('/login?redirectTo=%2Faccount');
	await signIn(page, member.email, MEMBER_PASSWORD);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
	const list = page.getByRole('list', { name: 'Where you are signed in' });
	await expect(list.getByRole('listitem')).toHaveCount(2);
	await expect(list.getByRole('listitem').first()).toContainText('Firefox on Windows');
	await expect(list.getByRole('listitem').first()).toContainText('(this device)');
	await expect(list.getByRole('listitem').nth(1)).toContainText('Safari on iPhone');
	await expect(list.getByRole('listitem').nth(1)).toContainText('Last seen');
	await expectNoAxeViolations(page);

	await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
	await expect(page.getByRole('status')).toContainText('One other device has been signed out');
	await expect(page.getByRole('list', { name: 'Where you are signed in' })).toContainText(
		'Firefox on Windows'
	);
	await expect(page.getByText('You are not signed in anywhere else.')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.setViewportSize({ width: 320, height: 640 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

	await phonePage.goto('/account');
	await expect(phonePage).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
	await phone.close();
	await laptop.close();
});

test('deleting an account without the password again is refused and deletes nothing', async ({
	request
}) => {
	const member = await createMemberInGoodStanding('Devices Deleter');
	const token = await sessionFor(member.email);
	const without = await postForm(request, '/account/delete', {}, token);
	expect(without.status()).toBe(400);
	expect(await without.text()).toContain('Enter your password');
	const wrong = await postForm(request, '/account/delete', { password: 'not my password' }, token);
	expect(wrong.status()).toBe(400);
	expect(await wrong.text()).toContain('Your password is not right');

	const { client } = openE2eDatabase();
	const still = await client.execute({
		sql: 'select deleted_at from users where id = ?',
		args: [member.id]
	});
	expect(still.rows[0].deleted_at).toBeNull();

	const right = await postForm(request, '/account/delete', { password: MEMBER_PASSWORD }, token);
	expect(right.status()).toBe(303);
	expect(right.headers()['location']).toBe('/account-deleted');
	const gone = await client.execute({
		sql: 'select deleted_at from users where id = ?',
		args: [member.id]
	});
	client.close();
	expect(gone.rows[0].deleted_at).not.toBeNull();
});

test('the eleventh sign-in ends the oldest of ten sessions', async ({ request }) => {
	const member = await createMemberInGoodStanding('Devices Eleven');
	const tokens: string[] = [];
	for (let i = 0; i < 11; i++) {
		const response = await postForm(
			request,
			'/login',
			{ email: member.email, password: MEMBER_PASSWORD },
			null
		);
		expect(response.status()).toBe(303);
		const cookie = response.headers()['set-cookie'] ?? '';
		tokens.push(/session=([^;]+)/.exec(cookie)![1]);
	}
	const opens = async (token: string) =>
		(
			await request.get('/account', {
				maxRedirects: 0,
				headers: { cookie: `session=${token}` }
			})
		).status();
	expect(await opens(tokens[0])).toBe(303);
	for (const token of tokens.slice(1)) expect(await opens(token)).toBe(200);
});
