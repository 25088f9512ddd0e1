// Every protected route, found in the route tree (so a new route is covered the day it is
// added): a stranger is sent to sign in, a member is refused staff pages, and the right person
// gets the page.
import { expect, test } from '@playwright/test';
import { demoMembers, demoStaff } from '../../src/lib/server/demo/seed-demo.ts';
import { routeFiles } from './support/route-tree.ts';
import { openE2eDatabase } from './support/server.ts';
import { sessionFor } from './support/sessions.ts';

const GROUPS = ['(account)', '(admin)', '(organiser)'];

const routes = routeFiles(['+page.svelte', '+server.ts'])
	.filter((route) => route.group !== null && GROUPS.includes(route.group))
	.map((route) => ({ group: route.group!, pattern: route.pattern }));

/** Who may open a route: members for account pages; the named role for staff pages. */
function requiredRole(group: string, pattern: string) {
	if (group === '(account)') return 'member';
	if (group === '(admin)') return 'admin';
	return pattern.startsWith('/organiser/grants') ? 'welfare' : 'organiser';
}

const member = demoMembers[1];
const staffFor = { admin: demoStaff[0], organiser: demoStaff[1], welfare: demoStaff[2] } as const;

async function paramValues() {
	const { client } = openE2eDatabase();
	const booking = await client.execute({
		sql: "select b.uid from bookings b join users u on u.id = b.user_id where u.email = ? and b.status = 'confirmed' limit 1",
		args: [member.email]
	});
	// An event the member has not booked, so the booking page opens rather than redirecting.
	const event = await client.execute({
		sql: `select id, slug from events where status = 'published' and booking = 'required'
			and id not in (select b.event_id from bookings b join users u on u.id = b.user_id where u.email = ?)
			order by starts_at limit 1`,
		args: [member.email]
	});
	const round = await client.execute('select id from grant_rounds order by opens_at limit 1');
	client.close();
	return {
		roundId: String(round.rows[0]?.id ?? '0'),
		uid: String(booking.rows[0]?.uid ?? 'none'),
		slug: String(event.rows[0]?.slug ?? 'none'),
		id: String(event.rows[0]?.id ?? '0')
	} as Record<string, string>;
}

/** A route with real values for its parameters, or null when the test has none to give. */
function fill(pattern: string, values: Record<string, string>) {
	let known = true;
	const path = pattern.replace(/\[(\w+)\]/g, (_, name: string) => {
		// Only parameters whose page does not depend on more state: an event the organiser
		// manages, a grant round, and a member's confirmed booking for its calendar file.
		const round = name === 'id' && pattern.startsWith('/organiser/grants/rounds/');
		const value = round
			? values.roundId
			: (name === 'id' && !pattern.startsWith('/organiser/events/')) ||
				  (name === 'uid' && !pattern.endsWith('/calendar.ics'))
				? undefined
				: values[name];
		if (value === undefined) known = false;
		return value ?? 'unknown';
	});
	return { path, known };
}

test('every protected route refuses strangers and the wrong people, and opens for the right ones', async ({
	playwright,
	baseURL
}) => {
	test.setTimeout(120_000);
	expect(routes.length).toBeGreaterThan(8);
	const values = await paramValues();
	const as = async (token: string | null) =>
		playwright.request.newContext({
			baseURL,
			maxRedirects: 0,
			extraHTTPHeaders: token ? { cookie: `session=${token}` } : {}
		});
	const stranger = await as(null);
	const memberContext = await as(await sessionFor(member.email));
	const staff = {
		admin: await as(await sessionFor(staffFor.admin.email)),
		organiser: await as(await sessionFor(staffFor.organiser.email)),
		welfare: await as(await sessionFor(staffFor.welfare.email))
	};

	const report: string[] = [];
	for (const route of routes) {
		const { path, known } = fill(route.pattern, values);
		const role = requiredRole(route.group, route.pattern);
		const anonymous = await stranger.get(path);
		const memberAnswer = await memberContext.get(path);
		const rightPerson = role === 'member' ? memberContext : staff[role];
		const right = await rightPerson.get(path);
		const line = `${route.pattern}: anonymous ${anonymous.status()} ${anonymous.headers()['location'] ?? ''}, member ${memberAnswer.status()}, ${role} ${right.status()}`;
		report.push(line);

		expect(anonymous.status(), line).toBe(303);
		expect(anonymous.headers()['location'], line).toBe(
			`/login?redirectTo=${encodeURIComponent(path)}`
		);
		if (role !== 'member') expect([403, 404], line).toContain(memberAnswer.status());
		// A route whose parameters the test cannot fill is still checked for who it refuses. The
		// right person may also be sent on by the page's own state (no draft yet, say), but never
		// to sign in again.
		if (known) {
			const sentOn = right.status() === 303 ? (right.headers()['location'] ?? '') : '';
			expect(
				right.status() === 200 ||
					(sentOn !== '' && !/^\/(login|two-factor|verify-email)/.test(sentOn)),
				line
			).toBe(true);
		}
	}
	console.log(report.join('\n'));
});
