// Public pages, walked from the route tree: a stranger's copy may be kept by any cache for a
// moment, as the catalogue relies on; a signed-in person's copy of the same page (it names
// them) is kept by none, and is never answered "not modified" from another person's ETag.
import { expect, test } from '@playwright/test';
import { createMemberInGoodStanding } from './support/members.ts';
import { routeFiles } from './support/route-tree.ts';
import { openE2eDatabase } from './support/server.ts';
import { sessionFor } from './support/sessions.ts';

async function publishedSlug() {
	const { client } = openE2eDatabase();
	try {
		const row = await client.execute(
			`select slug from events where status = 'published' order by starts_at limit 1`
		);
		return String(row.rows[0].slug);
	} finally {
		client.close();
	}
}

test('public pages keep their shared caching for strangers and are private for members', async ({
	playwright,
	baseURL
}) => {
	test.setTimeout(90_000);
	const slug = await publishedSlug();
	const paths = routeFiles(['+page.svelte', '+server.ts'])
		.filter((route) => route.group === '(public)')
		.map((route) => route.pattern.replace('[slug=slug]', slug));
	expect(paths).toContain('/events');
	const member = await createMemberInGoodStanding('Private Cache Member');
	const stranger = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
	const signedIn = await playwright.request.newContext({
		baseURL,
		maxRedirects: 0,
		extraHTTPHeaders: { cookie: `session=${await sessionFor(member.email)}` }
	});
	const report: string[] = [];
	for (const path of paths) {
		const open = await stranger.get(path);
		const mine = await signedIn.get(path);
		report.push(
			`${path}: stranger ${open.status()} ${open.headers()['cache-control']}, member ${mine.status()} ${mine.headers()['cache-control']}`
		);
		if (open.status() === 200 && path !== '/account-deleted') {
			expect(open.headers()['cache-control'], path).toMatch(/^public, max-age=\d+/);
			expect(open.headers()['etag'], path).toBeTruthy();
		}
		expect(mine.headers()['cache-control'], path).toBe('private, no-store');
		expect(mine.headers()['etag'], path).toBeUndefined();
		const etag = open.headers()['etag'];
		if (etag) {
			const again = await signedIn.get(path, { headers: { 'if-none-match': etag } });
			expect(again.status(), `${path} revalidated for a member`).toBe(mine.status());
		}
	}
	console.log(report.join('\n'));
});
