// Every form action in the app, found in the route tree (so a new form is covered the day it is
// added), gets random and hostile submissions from the kind of person it is for, and now and
// then from anyone else: the server never answers with a 5xx, every refusal is a 4xx whose page
// tells the person what is wrong, and the database keeps its invariants after every post.
// Every route also gets GETs with hostile path segments and query strings: never a 5xx.
// A run is random; HOSTILE_SEED=<n> replays one (a failure prints the seed to use).
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { findInconsistencies, findUnannouncedBookings } from './support/consistency.ts';
import { postParts } from './support/form-body.ts';
import { describeForm, hostileForm, type HostileForm } from './support/hostile-values.ts';
import {
	buildWorld,
	clearThrottles,
	PERSONAS,
	signInAs,
	type Persona,
	type World
} from './support/hostile-world.ts';
import { formFieldNames, humanMessage } from './support/page-text.ts';
import { plausibleValues, routeValues } from './support/plausible-values.ts';
import {
	allRoutes,
	fillRoute,
	hostileQuery,
	hostileUrlValue,
	queryNames,
	routeParameters
} from './support/hostile-urls.ts';
import { formActions, type FormAction } from './support/route-tree.ts';
import { openE2eDatabase } from './support/server.ts';

// Twelve runs of each of the ~56 actions take under a minute beside the other specs;
// HOSTILE_RUNS=150 searches deeper (about ten minutes).
const RUNS_PER_ACTION = Number(process.env.HOSTILE_RUNS ?? 12);
const SEED = Number(process.env.HOSTILE_SEED ?? Math.floor(Math.random() * 2 ** 31));
const replay = `replay with HOSTILE_SEED=${SEED}`;

/** Who each form is for; forms that end the account or session get an account of their own. */
function rightPersona(target: FormAction): Persona {
	const p = target.pattern;
	if (p === '/account/delete' || p === '/logout') return 'throwaway-member';
	if (p.startsWith('/account/grants/')) return 'applicant';
	if (p === '/two-factor/setup') return 'staff-enrolling';
	if (p === '/two-factor') return 'staff-signing-in';
	if (target.group === '(auth)') return 'anonymous';
	if (target.group === '(admin)') return 'admin';
	if (target.group === '(organiser)')
		return p.startsWith('/organiser/grants') ? 'welfare' : 'organiser';
	return 'member';
}

const ENDS_ACCOUNT = new Set(['/account/delete']);

/** Route segments a person could type into the address bar instead of a real id. */
const hostileSegment = fc.constantFrom(
	'999999999',
	'-1',
	'0',
	'abc',
	'%2e%2e',
	'WFG-ZZZZZZ',
	'%00',
	'%27%20OR%201%3D1',
	'%F0%9F%92%A9',
	'x'.repeat(1500)
);

/** The route with a value for each of its parameters (the first, where there are choices). */
function fill(pattern: string, values: Record<string, string | string[]>) {
	return pattern.replace(/\[(\w+)(?:=\w+)?\]/g, (_, name: string) => [values[name]].flat()[0]);
}

type Run = { persona: Persona; params: Record<string, string>; form: HostileForm };

/** The page's answer, judged: null when acceptable, else what is wrong with it. */
function judge(status: number, html: string, location: string | undefined) {
	if (status >= 500) return `a server error (${status})`;
	if (status >= 300 && status < 400) return location ? null : `a ${status} without a location`;
	if (status >= 200 && status < 300) return null;
	return humanMessage(html) ? null : `a ${status} that says nothing the person can act on`;
}

test('every form action answers hostile input with a message or a success, and the data stays consistent', async ({
	playwright,
	baseURL
}) => {
	// About 60 ms a post on two busy cores, with room to spare.
	test.setTimeout(60_000 + RUNS_PER_ACTION * 60 * 200);
	const started = Date.now();
	const actions = formActions();
	expect(actions.length).toBeGreaterThan(40);
	const request = await playwright.request.newContext({ baseURL });
	const world = await buildWorld(request);
	const plausible = plausibleValues(world);
	const { client } = openE2eDatabase();
	const eventIds = [world.event.id, world.doomed.id];
	const outcomes = new Map<string, number>();
	const failures: string[] = [];
	/** The names of the fields the page shows its person, beyond those its source names. */
	const fieldsOnPage = async (path: string, { token }: { token: string | null }) => {
		const page = await request.get(path, {
			maxRedirects: 0,
			headers: token ? { cookie: `session=${token}` } : {}
		});
		return page.ok() ? formFieldNames(await page.text()) : [];
	};

	for (const [index, target] of actions.entries()) {
		const right = rightPersona(target);
		const persona = ENDS_ACCOUNT.has(target.pattern)
			? fc.constantFrom<Persona>('throwaway-member', 'anonymous')
			: fc.oneof(
					{ weight: 4, arbitrary: fc.constant(right) },
					{ weight: 1, arbitrary: fc.constantFrom(...PERSONAS) }
				);
		const choices = routeValues(world, target.pattern);
		const params = fc.record(
			Object.fromEntries(
				Object.entries(choices).map(([name, values]) => [
					name,
					fc.oneof(
						{ weight: 8, arbitrary: fc.constantFrom(...values).map(encodeURIComponent) },
						{ weight: 1, arbitrary: hostileSegment }
					)
				])
			)
		);
		const fields = [
			...new Set([
				...target.fields,
				...(await fieldsOnPage(fill(target.pattern, choices), await signInAs(world, right)))
			])
		];
		const run = fc.record({ persona, params, form: hostileForm(fields, plausible) });

		const details = await fc.check(
			fc.asyncProperty(run, async ({ persona, params, form }: Run) => {
				await clearThrottles(world);
				const { token } = await signInAs(world, persona);
				const path = fill(target.pattern, params);
				const url = target.action === 'default' ? path : `${path}?/${target.action}`;
				const response = await postParts(request, url, form.parts, {
					token,
					encoding: form.encoding
				});
				const status = response.status();
				const html = await response.text();
				const problem = judge(status, html, response.headers()['location']);
				const broken = [
					...(await findInconsistencies(client)),
					...(await findUnannouncedBookings(client, eventIds))
				];
				const said = `POST ${url.slice(0, 200)} as ${persona} answered ${status}, after ${describeForm(form)}`;
				expect(problem, said).toBeNull();
				expect(broken, said).toEqual([]);
				const key = `${Math.floor(status / 100)}xx`;
				outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
			}),
			{ numRuns: RUNS_PER_ACTION, endOnFailure: true, seed: SEED + index }
		);
		// fast-check's own report would print megabyte values; the assertion's message is short.
		if (details.failed) {
			const message = details.errorInstance instanceof Error ? details.errorInstance.message : '';
			failures.push(`${message.split('\n').slice(0, 40).join('\n')}\n(${replay})`);
		}
	}
	client.close();
	const seconds = Math.round((Date.now() - started) / 1000);
	console.log(
		`${actions.length} form actions, ${actions.length * RUNS_PER_ACTION} posts in ${seconds} s: ` +
			[...outcomes].map(([k, n]) => `${n} × ${k}`).join(', ')
	);
	expect(failures, failures.join('\n\n')).toEqual([]);
});

/** Values for route parameters the form actions never need: the spec's own records. */
function getRouteValues(world: World, pattern: string): Record<string, string[]> {
	return {
		...routeValues(world, pattern),
		uid: world.bookingUids,
		evidenceId: ['1'],
		token: ['not-a-feed-token']
	};
}

test('every route answers hostile path segments and query strings without a server error', async ({
	playwright,
	baseURL
}) => {
	const routes = allRoutes();
	expect(routes.length).toBeGreaterThan(60);
	test.setTimeout(60_000 + routes.length * RUNS_PER_ACTION * 250);
	const request = await playwright.request.newContext({ baseURL });
	const world = await buildWorld(request);
	const names = queryNames();
	const failures: string[] = [];
	let gets = 0;
	const get = async (path: string, token: string | null) => {
		gets += 1;
		const response = await request.get(path, {
			maxRedirects: 0,
			headers: token ? { cookie: `session=${token}` } : {}
		});
		const status = response.status();
		if (status >= 500) return `a server error (${status})`;
		if (status >= 300 && status < 400 && !response.headers()['location']) {
			return `a ${status} without a location`;
		}
		return null;
	};

	// Seen broken before: an id the matcher refuses is a 404, not a crash.
	for (const path of ['/dev/mail/abc/message.eml', '/dev/mail/abc/invite.ics']) {
		expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
	}

	for (const [index, route] of routes.entries()) {
		const right = rightPersona({ ...route, action: 'default', fields: [] });
		const choices = getRouteValues(world, route.pattern);
		const segment = (name: string) =>
			fc.oneof(
				{ weight: 6, arbitrary: fc.constantFrom(...(choices[name] ?? ['1'])) },
				{ weight: 2, arbitrary: hostileSegment },
				{ weight: 2, arbitrary: hostileUrlValue }
			);
		const params = fc.record(
			Object.fromEntries(routeParameters(route.pattern).map((name) => [name, segment(name)]))
		);
		const persona = fc.oneof(
			{ weight: 3, arbitrary: fc.constant(right) },
			{ weight: 1, arbitrary: fc.constantFrom(...PERSONAS) }
		);
		const details = await fc.check(
			fc.asyncProperty(persona, params, hostileQuery(names), async (who, values, query) => {
				const { token } = await signInAs(world, who);
				const path = fillRoute(route.pattern, values as Record<string, string>) + query;
				const problem = await get(path, token);
				expect(problem, `GET ${path.slice(0, 300)} as ${who} answered ${problem}`).toBeNull();
			}),
			{ numRuns: RUNS_PER_ACTION, endOnFailure: true, seed: SEED + 1000 + index }
		);
		if (details.failed) {
			const message = details.errorInstance instanceof Error ? details.errorInstance.message : '';
			failures.push(`${message.split('\n').slice(0, 10).join('\n')}\n(${replay})`);
		}
	}
	console.log(`${routes.length} routes, ${gets} hostile GETs (${replay})`);
	expect(failures, failures.join('\n\n')).toEqual([]);
});
