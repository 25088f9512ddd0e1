// Every organiser page and form action refuses anyone who may not use it, before it reads or
// changes anything: anonymous people sign in, members get 403, and an organiser who does not
// manage the event gets 404, as if it did not exist.
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '$lib/server/auth/authorization';
import { db, table } from '$lib/server/db';
import type { StaffRole } from '$lib/server/db/schema';
import { testViewer } from '$lib/server/testing/viewers';
import { createBooking, createEvent, createMember } from '$lib/server/testing/fixtures';
import { createDoorLink } from '$lib/server/door/door-links';
import * as doorPage from '../door/[token]/+page.server';
import * as doorRoster from '../door/[token]/roster/+server';

type Handler = (event: unknown) => unknown;
type RouteModule = { load?: Handler; actions?: Record<string, Handler> };

// The welfare officers' grant pages live here too but answer to their own rule, proved by
// src/routes/grants-guard.test.ts.
const modules = import.meta.glob<RouteModule>(['./**/+page.server.ts', '!./organiser/grants/**'], {
	eager: true
});
const serverRoutes = import.meta.glob<Record<string, Handler>>(
	['./**/+server.ts', '!./organiser/grants/**'],
	{ eager: true }
);

const viewer = (roles: StaffRole[], id = 4242, twoFactorDone = true) =>
	testViewer(roles, { id, twoFactorDone });

let eventId = 0;
let bookingUid = '';
let manager: Viewer = null;

beforeAll(async () => {
	// A course that has ended, with a place checked in at its one session, so the release
	// letter and certificate have a subject.
	const event = await createEvent({
		category: 'course',
		startsAt: new Date(Date.now() - 86_400_000)
	});
	eventId = event.id;
	const booking = await createBooking(event, { checkedInAt: new Date() });
	bookingUid = booking.uid;
	const [session] = await db
		.select()
		.from(table.eventSessions)
		.where(eq(table.eventSessions.eventId, eventId));
	await db.insert(table.checkIns).values({
		bookingId: booking.id,
		sessionId: session.id,
		checkedInAt: session.startsAt,
		deviceId: 'test',
		clientId: `guard-${booking.uid}`,
		recordedAt: new Date()
	});
	const user = await createMember({ roles: ['organiser'] });
	await db.insert(table.eventOrganisers).values({ eventId, userId: user.id, addedAt: new Date() });
	manager = viewer(['organiser'], user.id);
});

function requestFor(who: Viewer, route: string) {
	const path = route.replace('[id=id]', String(eventId));
	const url = new URL(`http://localhost${path}`);
	return {
		locals: { viewer: who },
		url,
		params: { id: String(eventId), uid: bookingUid },
		request: new Request(url, { method: 'POST', body: new FormData() }),
		cookies: { get: () => undefined, set() {}, delete() {} },
		setHeaders() {}
	};
}

async function outcome(handler: Handler, who: Viewer, route: string) {
	try {
		await handler(requestFor(who, route));
		return 'allowed';
	} catch (thrown) {
		if (isRedirect(thrown)) return `redirect ${thrown.location.split('?')[0]}`;
		if (isHttpError(thrown)) return `error ${thrown.status}`;
		throw thrown;
	}
}

const routeOf = (file: string, suffix: string) =>
	file.replace(/^\.\//, '/').replace(suffix, '') || '/';

const handlers = [
	...Object.entries(modules).flatMap(([file, module]) => {
		const route = routeOf(file, '/+page.server.ts');
		return [
			...(module.load ? [{ name: `${route} load`, route, handler: module.load, reads: true }] : []),
			...Object.entries(module.actions ?? {}).map(([action, handler]) => ({
				name: `${route} ?/${action}`,
				route,
				handler,
				reads: false
			}))
		];
	}),
	...Object.entries(serverRoutes).flatMap(([file, module]) => {
		const route = routeOf(file, '/+server.ts');
		return Object.entries(module)
			.filter(([method]) => /^(GET|POST)$/.test(method))
			.map(([method, handler]) => ({
				name: `${route} ${method}`,
				route,
				handler,
				reads: method === 'GET'
			}));
	})
];
const eventRoutes = handlers.filter((h) => h.route.includes('[id=id]'));
const deskRoutes = handlers.filter((h) => !h.route.includes('[id=id]'));

describe('organiser pages', () => {
	it('are all found', () => {
		expect(handlers.map((h) => h.name)).toEqual(
			expect.arrayContaining([
				'/organiser load',
				'/organiser/events/new load',
				'/organiser/events/new ?/save',
				'/organiser/events/new ?/publish',
				'/organiser/events/[id=id] load',
				'/organiser/events/[id=id] ?/save',
				'/organiser/events/[id=id] ?/publish',
				'/organiser/events/[id=id] ?/addOrganiser',
				'/organiser/events/[id=id]/preview load',
				'/organiser/events/[id=id]/cancel ?/cancel',
				'/organiser/events/[id=id]/attendees load',
				'/organiser/events/[id=id]/attendees ?/checkIn',
				'/organiser/events/[id=id]/attendees ?/remove',
				'/organiser/events/[id=id]/attendees/message ?/send',
				'/organiser/events/[id=id]/attendees/door-register load',
				'/organiser/events/[id=id]/attendees.csv GET',
				'/organiser/events/[id=id]/attendees/[uid]/release-letter load',
				'/organiser/events/[id=id]/attendees/[uid]/certificate load',
				'/organiser/events/[id=id]/door load',
				'/organiser/events/[id=id]/door/roster GET',
				'/organiser/events/[id=id]/door/roster POST',
				'/organiser/events/[id=id]/door/links ?/create',
				'/organiser/events/[id=id]/door/links ?/revoke'
			])
		);
	});

	it.each(eventRoutes)(
		'$name refuses all but the organisers of the event and admins',
		async ({ handler, route }) => {
			expect(await outcome(handler, null, route)).toBe('redirect /login');
			expect(await outcome(handler, viewer([]), route)).toBe('error 403');
			expect(await outcome(handler, viewer(['welfare']), route)).toBe('error 403');
			expect(await outcome(handler, viewer(['organiser'], 4242, false), route)).toBe(
				'redirect /two-factor'
			);
			expect(await outcome(handler, viewer(['organiser']), route)).toBe('error 404');
		}
	);

	it.each(eventRoutes.filter((h) => h.reads))(
		'$name opens for the event’s organiser and for an admin',
		async ({ handler, route }) => {
			expect(await outcome(handler, manager, route)).toBe('allowed');
			expect(await outcome(handler, viewer(['admin']), route)).toBe('allowed');
		}
	);

	it.each(deskRoutes)('$name refuses anyone without a staff role', async ({ handler, route }) => {
		expect(await outcome(handler, null, route)).toBe('redirect /login');
		expect(await outcome(handler, viewer([]), route)).toBe('error 403');
		expect(await outcome(handler, viewer(['organiser'], 4242, false), route)).toBe(
			'redirect /two-factor'
		);
	});

	it('lets a welfare officer see the desk but not create events', async () => {
		const desk = deskRoutes.find((h) => h.name === '/organiser load')!;
		const create = deskRoutes.find((h) => h.name === '/organiser/events/new load')!;
		expect(await outcome(desk.handler, viewer(['welfare']), desk.route)).toBe('allowed');
		expect(await outcome(create.handler, viewer(['welfare']), create.route)).toBe('error 403');
	});
});

describe('door links', () => {
	const asVolunteer = (token: string, pass?: string, cookieName?: string) => ({
		locals: { viewer: null },
		url: new URL(`http://localhost/door/${token}`),
		params: { token },
		request: new Request(`http://localhost/door/${token}/roster`),
		cookies: { get: (name: string) => (name === cookieName ? pass : undefined) }
	});

	it('open only their own event’s door, and only once the PIN was entered', async () => {
		const event = await createEvent({ startsAt: new Date(Date.now() - 3_600_000) });
		const other = await createEvent({ startsAt: new Date(Date.now() - 3_600_000) });
		const { doorPassFor } = await import('$lib/server/door/door-links');
		const mine = await createDoorLink(event, 'Front door', manager!.user.id);
		const theirs = await createDoorLink(other, 'Back door', manager!.user.id);
		const token = mine.path.split('/')[2];
		const pass = doorPassFor(mine.link);
		const cookie = `door-pass-${mine.link.id}`;
		const call = (handler: Handler, event: unknown) => outcomeOf(() => handler(event));
		expect(await call(doorRoster.GET as Handler, asVolunteer(token))).toBe('error 403');
		expect(await call(doorRoster.GET as Handler, asVolunteer(token, pass, cookie))).toBe('allowed');
		// Another link's pass is no use here, nor this pass on another link.
		const otherToken = theirs.path.split('/')[2];
		expect(
			await call(
				doorRoster.GET as Handler,
				asVolunteer(otherToken, pass, `door-pass-${theirs.link.id}`)
			)
		).toBe('error 403');
		expect(await call(doorRoster.GET as Handler, asVolunteer('nonsense', pass, cookie))).toBe(
			'error 404'
		);
		const page = (await doorPage.load(asVolunteer(token) as never)) as { unlocked: boolean };
		expect(page.unlocked).toBe(false);
	});
});

async function outcomeOf(run: () => unknown) {
	try {
		await run();
		return 'allowed';
	} catch (thrown) {
		if (isHttpError(thrown)) return `error ${thrown.status}`;
		throw thrown;
	}
}
