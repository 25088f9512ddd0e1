// Every protected route, found in the route tree (so a new route is covered the day it is
// added): a stranger is sent to sign in, a member is refused staff pages, and the right person
// gets the page itself (200), with every route parameter pointing at a real record. Every
// answer to a signed-in person is marked private and uncacheable.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { newBookingUid } from '../../src/lib/server/bookings/booking-uid.ts';
import { demoStaff } from '../../src/lib/server/demo/seed-demo.ts';
import { answerUpToEvidence, sendApplication } from './support/grant-application.ts';
import { createMemberInGoodStanding } from './support/members.ts';
import { fillRouteWith as fill, protectedRoutes } from './support/route-tree.ts';
import { openE2eDatabase } from './support/server.ts';
import { sessionFor } from './support/sessions.ts';
import { insertEventWithSessions } from '../load/event-rows.ts';

const GROUPS = ['(account)', '(admin)', '(organiser)'];

const routes = protectedRoutes(GROUPS);

/** Who may open a route: members for account pages; the named role for staff pages. */
function requiredRole(group: string, pattern: string) {
	if (group === '(account)') return 'member';
	if (group === '(admin)') return 'admin';
	return pattern.startsWith('/organiser/grants') ? 'welfare' : 'organiser';
}

const staffFor = { admin: demoStaff[0], organiser: demoStaff[1], welfare: demoStaff[2] } as const;

/**
 * Records every parameter can point at, made for this run: a member in good standing with a
 * checked-in course place and a draft grant application with evidence, and another member's
 * sent application with evidence. Values are keyed by the folder before the parameter and the
 * parameter ('events/[id=id]'), or by the parameter alone ('[slug=slug]'), so a new route that uses a
 * known parameter name is filled without touching this test.
 */
async function seedParameterValues(request: APIRequestContext) {
	const member = await createMemberInGoodStanding('Route Guard Member');
	const applicant = await createMemberInGoodStanding('Route Guard Applicant');
	const memberToken = await sessionFor(member.email);
	const applicantToken = await sessionFor(applicant.email);
	await answerUpToEvidence(request, memberToken);
	await answerUpToEvidence(request, applicantToken);
	const sentReference = await sendApplication(request, applicantToken);

	const { client } = openE2eDatabase();
	try {
		const now = Date.now();
		// A course that ended yesterday, managed by the demo organiser, with the member's place
		// checked in at its one session: its release letter and certificate both exist.
		const DAY = 24 * 3_600_000;
		const organiser = await client.execute({
			sql: 'select id from users where email = ?',
			args: [staffFor.organiser.email]
		});
		const {
			id: courseId,
			sessionIds: [sessionId]
		} = await insertEventWithSessions(
			client,
			{
				sql: `insert into events (slug, title, category, summary, description, capacity, status, starts_at, ends_at, created_at, updated_at)
					values (?, 'Route guard course', 'course', 'A course.', 'All about it.', 20, 'published', ?, ?, ?, ?) returning id`,
				args: [`route-guard-course-${now}`, now - 2 * DAY, now - DAY, now, now]
			},
			[[now - 2 * DAY, now - DAY]],
			Number(organiser.rows[0].id)
		);
		const uid = newBookingUid();
		const booking = await client.execute({
			sql: `insert into bookings (event_id, user_id, status, answers, uid, created_at, status_changed_at, checked_in_at)
				values (?, ?, 'confirmed', '{}', ?, ?, ?, ?) returning id`,
			args: [courseId, member.id, uid, now, now, now - 2 * DAY]
		});
		await client.execute({
			sql: `insert into check_ins (booking_id, session_id, checked_in_at, device_id, client_id, recorded_at)
				values (?, ?, ?, 'route guard', ?, ?)`,
			args: [Number(booking.rows[0].id), sessionId, now - 2 * DAY, `rg-${uid}`, now]
		});
		const event = await client.execute({
			sql: `select slug from events where status = 'published' and booking = 'required'
				and allocation = 'first-come'
				and id not in (select event_id from bookings where user_id = ?) order by starts_at limit 1`,
			args: [member.id]
		});
		// The member has entered the demo's open ballot; the applicant has not, so may enter.
		const ballot = await client.execute(
			`select e.id, e.slug from events e join event_ballots b on b.event_id = e.id
			where e.status = 'published' and b.entries_open_at <= ${now} and b.entries_close_at > ${now}
			order by e.starts_at limit 1`
		);
		await client.execute({
			sql: `insert into ballot_entries (event_id, user_id, entry_number, guests, answers, status, created_at, status_changed_at)
				values (?1, ?2, (select coalesce(max(entry_number), 0) + 1 from ballot_entries where event_id = ?1),
				0, '{}', 'entered', ?3, ?3)`,
			args: [Number(ballot.rows[0].id), member.id, now]
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
			applicant,
			ballotSlug: String(ballot.rows[0].slug),
			values: {
				'[slug=slug]': String(event.rows[0].slug),
				'[uid]': uid,
				'events/[id=id]': String(courseId),
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
	const { member, applicant, ballotSlug, values } = await seedParameterValues(request);
	const as = async (token: string | null) =>
		playwright.request.newContext({
			baseURL,
			maxRedirects: 0,
			extraHTTPHeaders: token ? { cookie: `session=${token}` } : {}
		});
	const stranger = await as(null);
	const memberContext = await as(await sessionFor(member.email));
	const applicantContext = await as(await sessionFor(applicant.email));
	const staff = {
		admin: await as(await sessionFor(staffFor.admin.email)),
		organiser: await as(await sessionFor(staffFor.organiser.email)),
		welfare: await as(await sessionFor(staffFor.welfare.email))
	};

	const report: string[] = [];
	for (const route of routes) {
		const ballotRoute = route.pattern.includes('/ballot/');
		const { path, missing } = fill(
			route.pattern,
			ballotRoute ? { ...values, '[slug=slug]': ballotSlug } : values
		);
		expect(missing, `${route.pattern}: give seedParameterValues a value for ${missing}`).toEqual(
			[]
		);
		const role = requiredRole(route.group, route.pattern);
		const anonymous = await stranger.get(path);
		const memberAnswer = await memberContext.get(path);
		// Entering is for someone who has not entered yet; the member's entry opens the others.
		const entrant = route.pattern.endsWith('/ballot/enter') ? applicantContext : memberContext;
		const rightPerson = role === 'member' ? entrant : staff[role];
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
