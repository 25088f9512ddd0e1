// Every grant page and form action refuses the wrong person before it reads or changes
// anything: the welfare review only a two-factor welfare officer, the application pages anyone
// not signed in; and a member asking for another member's application or evidence gets 404.
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '$lib/server/auth/authorization';
import type { StaffRole } from '$lib/server/db/schema';
import { testViewer } from '$lib/server/testing/viewers';
import { createGrantRound, createMemberInGoodStanding } from '$lib/server/testing/fixtures';
import { startApplication } from '$lib/server/grants/applications';

type Handler = (event: unknown) => unknown;
type RouteModule = { load?: Handler; actions?: Record<string, Handler>; GET?: Handler };

const grantModules = import.meta.glob<RouteModule>('./**/grants/**/+{page.server,server}.ts', {
	eager: true
});
const only = (prefix: string) =>
	Object.fromEntries(Object.entries(grantModules).filter(([file]) => file.startsWith(prefix)));
const welfareModules = only('./(organiser)/');
const memberModules = only('./(account)/');

const viewer = (roles: StaffRole[], twoFactorDone = true, id = 4242) =>
	testViewer(roles, { id, twoFactorDone });

const params = { id: '1', evidenceId: '1', reference: 'WFG-AAAAAA', step: 'household' };

function eventFor(who: Viewer, path: string, routeParams = params) {
	const url = new URL(`http://localhost${path}`);
	return {
		locals: { viewer: who },
		url,
		params: routeParams,
		request: new Request(url, { method: 'POST', body: new FormData() }),
		cookies: { get: () => undefined, set() {}, delete() {} }
	};
}

async function outcome(handler: Handler, who: Viewer, path: string, routeParams = params) {
	try {
		await handler(eventFor(who, path, routeParams));
		return 'allowed';
	} catch (thrown) {
		if (isRedirect(thrown)) return `redirect ${thrown.location.split('?')[0]}`;
		if (isHttpError(thrown)) return `error ${thrown.status}`;
		throw thrown;
	}
}

function handlersOf(modules: Record<string, RouteModule>) {
	return Object.entries(modules).flatMap(([file, module]) => {
		const path = file.replace(/^\.\/\([a-z]+\)/, '').replace(/\/\+[a-z.]+\.ts$/, '');
		return [
			...(module.load ? [{ name: `${path} load`, path, handler: module.load }] : []),
			...(module.GET ? [{ name: `${path} GET`, path, handler: module.GET }] : []),
			...Object.entries(module.actions ?? {}).map(([action, handler]) => ({
				name: `${path} ?/${action}`,
				path,
				handler
			}))
		];
	});
}

const welfare = handlersOf(welfareModules);
const member = handlersOf(memberModules);

describe('welfare review pages', () => {
	it('are all found', () => {
		expect(welfare.map((h) => h.name)).toEqual(
			expect.arrayContaining([
				'/organiser/grants load',
				'/organiser/grants/[id=id] load',
				'/organiser/grants/[id=id] ?/approve',
				'/organiser/grants/[id=id] ?/decline',
				'/organiser/grants/[id=id] ?/requestInfo',
				'/organiser/grants/[id=id] ?/markPaid',
				'/organiser/grants/[id=id] ?/showBankDetails',
				'/organiser/grants/[id=id]/evidence/[evidenceId=id] GET',
				'/organiser/grants/assist ?/start',
				'/organiser/grants/assist/[reference]/[step] ?/save',
				'/organiser/grants/assist/[reference]/[step] ?/upload',
				'/organiser/grants/assist/[reference]/check ?/submit',
				'/organiser/grants/rounds/new load',
				'/organiser/grants/rounds/new ?/save',
				'/organiser/grants/rounds/[id=id] load',
				'/organiser/grants/rounds/[id=id] ?/save'
			])
		);
	});

	it.each(welfare)(
		'$name refuses everyone but a two-factor welfare officer',
		async ({ handler, path }) => {
			expect(await outcome(handler, null, path)).toBe('redirect /login');
			expect(await outcome(handler, viewer([]), path)).toBe('error 403');
			expect(await outcome(handler, viewer(['organiser', 'admin']), path)).toBe('error 403');
			expect(await outcome(handler, viewer(['welfare'], false), path)).toBe('redirect /two-factor');
		}
	);
});

describe('member grant pages', () => {
	it('are all found', () => {
		expect(member.map((h) => h.name)).toEqual(
			expect.arrayContaining([
				'/grants/winter-fuel/apply/[step] load',
				'/grants/winter-fuel/apply/[step] ?/save',
				'/grants/winter-fuel/apply/[step] ?/upload',
				'/grants/winter-fuel/apply/check ?/submit',
				'/account/grants load',
				'/account/grants/[reference] ?/reply',
				'/account/grants/[reference] ?/withdraw',
				'/account/grants/[reference]/evidence/[id=id] GET'
			])
		);
	});

	it.each(member)('$name sends anyone not signed in to sign in', async ({ handler, path }) => {
		expect(await outcome(handler, null, path)).toBe('redirect /login');
	});

	describe('another member’s application', () => {
		let reference = '';
		let stranger: Viewer;
		beforeAll(async () => {
			const round = await createGrantRound();
			const owner = await createMemberInGoodStanding();
			reference = (await startApplication(owner.id, round.id)).reference;
			const other = await createMemberInGoodStanding();
			stranger = viewer([], true, other.id);
		});

		it.each(member.filter((h) => h.path.includes('[reference]')))(
			'$name answers 404',
			async ({ handler, path }) => {
				expect(await outcome(handler, stranger, path, { ...params, reference })).toBe('error 404');
			}
		);
	});
});
