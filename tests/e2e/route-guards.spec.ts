// Every protected route, found in the route tree (so a new route is covered the day it is
// added): a stranger is sent to sign in, a member is refused staff pages, and the right person
// gets the page itself (200), with every route parameter pointing at a real record. Every
// answer to a signed-in person is marked private and uncacheable.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { createHash, randomBytes } from 'node:crypto';
import { addConfirmedBooking, createTestEvent } from './support/events.ts';
import { answerUpToEvidence, sendApplication } from './support/grant-application.ts';
import { createMemberInGoodStanding } from './support/members.ts';
import { routeFiles } from './support/route-tree.ts';
import { openE2eDatabase } from './support/server.ts';
import { sessionFor } from './support/sessions.ts';
import { createAccount } from './support/staff.ts';

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

/**
 * Records every parameter can point at, made for this run: staff in each role, a member in good
 * standing with a checked-in place on the organiser's course and a draft grant application with
 * evidence, and another member's sent application with evidence. Values are keyed by the folder
 * before the parameter and the parameter ('events/[id=id]'), or by the parameter alone
 * ('[slug=slug]'), so a new route that uses a known parameter name is filled without touching
 * this test.
 */
async function seedParameterValues(request: APIRequestContext) {
	const staff = {
		admin: await createAccount({ name: 'Route Guard Admin', roles: ['admin'], twoFactor: true }),
		organiser: await createAccount({
			name: 'Route Guard Organiser',
			roles: ['organiser'],
			twoFactor: true
		}),
		welfare: await createAccount({
			name: 'Route Guard Welfare',
			roles: ['welfare'],
			twoFactor: true
		})
	};
	const member = await createMemberInGoodStanding('Route Guard Member');
	const applicant = await createMemberInGoodStanding('Route Guard Applicant');
	const memberToken = await sessionFor(member.email);
	const applicantToken = await sessionFor(applicant.email);
	await answerUpToEvidence(request, memberToken);
	await answerUpToEvidence(request, applicantToken);
	const sentReference = await sendApplication(request, applicantToken);
	const course = await createTestEvent({
		title: 'Route guard course',
		capacity: 20,
		organiserId: staff.organiser.id
	});
	const uid = await addConfirmedBooking(course.id, member.id, { checkedIn: true });

	const { client } = openE2eDatabase();
	try {
		const now = Date.now();
		// An event of the run's own given by ballot, entries open: the event pages under
		// [slug=slug] (booking and ballot alike) all have something to show for it.
		const ballotEvent = await createTestEvent({ title: 'Route guard ballot', capacity: 5 });
		const seed = randomBytes(32).toString('hex');
		await client.execute({
			sql: "update events set allocation = 'ballot' where id = ?",
			args: [ballotEvent.id]
		});
		await client.execute({
			sql: `insert into event_ballots (event_id, entries_open_at, entries_close_at, draw_at, seed, commitment, updated_at)
				values (?, ?, ?, ?, ?, ?, ?)`,
			args: [
				ballotEvent.id,
				now - 86_400_000,
				now + 10 * 86_400_000,
				now + 11 * 86_400_000,
				seed,
				createHash('sha256').update(seed).digest('hex'),
				now
			]
		});
		const applications = await client.execute({
			sql: 'select id, reference, user_id, round_id from grant_applications where user_id in (?, ?)',
			args: [member.id, applicant.id]
		});
		const draft = applications.rows.find((row) => Number(row.user_id) === member.id)!;
		const sent = applications.rows.find((row) => row.reference === sentReference)!;
		const addEvidence = async (applicationId: unknown) => {
			const added = await client.execute({
				sql: `insert into grant_evidence (application_id, filename, content_type, size, data, uploaded_at)
					values (?, 'fuel-bill.pdf', 'application/pdf', 9, ?, ?) returning id`,
				args: [Number(applicationId), new TextEncoder().encode('%PDF-1.4\n'), now]
			});
			return String(added.rows[0].id);
		};
		return {
			member,
			staff,
			values: {
				'[slug=slug]': ballotEvent.slug,
				'[uid]': uid,
				'events/[id=id]': String(course.id),
				'[reference]': String(draft.reference),
				'evidence/[id=id]': await addEvidence(draft.id),
				'grants/[id=id]': String(sent.id),
				'[evidenceId=id]': await addEvidence(sent.id),
				'rounds/[id=id]': String(sent.round_id),
				'[step]': 'household'
			} as Record<string, string>
		};
	} finally {
		client.close();
	}
}

/** A route with every parameter filled, and the parameters the test has no value for. */
function fill(pattern: string, values: Record<string, string>) {
	const parts = pattern.split('/');
	const missing: string[] = [];
	const path = parts
		.map((part, i) => {
			if (!/^\[\w+(=\w+)?\]$/.test(part)) return part;
			const value = values[`${parts[i - 1]}/${part}`] ?? values[part];
			if (value === undefined) missing.push(part);
			return value ?? 'unknown';
		})
		.join('/');
	return { path, missing };
}

test('every protected route refuses strangers and the wrong people, and opens for the right ones', async ({
	playwright,
	request,
	baseURL
}) => {
	test.setTimeout(120_000);
	expect(routes.length).toBeGreaterThan(8);
	expect(routes.map((r) => r.pattern)).toEqual(
		expect.arrayContaining(['/admin', '/admin/settings', '/admin/members'])
	);
	const { member, staff: staffFor, values } = await seedParameterValues(request);
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
		const { path, missing } = fill(route.pattern, values);
		expect(missing, `${route.pattern}: give seedParameterValues a value for ${missing}`).toEqual(
			[]
		);
		const role = requiredRole(route.group, route.pattern);
		const anonymous = await stranger.get(path);
		const memberAnswer = await memberContext.get(path);
		const rightPerson = role === 'member' ? memberContext : staff[role];
		const right = await rightPerson.get(path);
		const line = `${path}: anonymous ${anonymous.status()} ${anonymous.headers()['location'] ?? ''}, member ${memberAnswer.status()}, ${role} ${right.status()} ${right.headers()['location'] ?? ''}`;
		report.push(line);

		expect(anonymous.status(), line).toBe(303);
		expect(anonymous.headers()['location'], line).toBe(
			`/login?redirectTo=${encodeURIComponent(path)}`
		);
		if (role !== 'member') expect([403, 404], line).toContain(memberAnswer.status());
		expect(right.status(), line).toBe(200);
		// Whatever a signed-in person is answered, no cache may keep it or revalidate it.
		for (const answer of [memberAnswer, right]) {
			expect(answer.headers()['cache-control'], `${line}: Cache-Control`).toBe('private, no-store');
			expect(answer.headers()['etag'], `${line}: ETag`).toBeUndefined();
		}
	}
	console.log(report.join('\n'));
});

test('the first-run setup page is gone once the database has an admin', async ({ request }) => {
	const page = await request.get('/setup');
	expect(page.status()).toBe(404);
	const post = await request.post('/setup', {
		form: { code: 'abcd-efgh-ijkm-npqr-stuv', name: 'Intruder', email: 'x@example.org' },
		headers: { origin: new URL(page.url()).origin },
		maxRedirects: 0
	});
	expect(post.status()).toBe(404);
});
