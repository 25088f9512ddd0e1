// Every admin page and form action refuses anyone who is not an admin with two-factor done,
// before it reads or changes anything.
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '$lib/server/auth/authorization';
import type { StaffRole } from '$lib/server/db/schema';
import { testViewer } from '$lib/server/testing/viewers';

type Handler = (event: unknown) => unknown;
type RouteModule = { load?: Handler; actions?: Record<string, Handler> };

const modules = import.meta.glob<RouteModule>('./**/+page.server.ts', { eager: true });

const viewer = (roles: StaffRole[], twoFactorDone = true) => testViewer(roles, { twoFactorDone });

function eventFor(who: Viewer, path: string) {
	const url = new URL(`http://localhost${path}`);
	return {
		locals: { viewer: who },
		url,
		request: new Request(url, { method: 'POST', body: new FormData() }),
		cookies: { get: () => undefined, set() {}, delete() {} }
	};
}

async function outcome(handler: Handler, who: Viewer, path: string) {
	try {
		await handler(eventFor(who, path));
		return 'allowed';
	} catch (thrown) {
		if (isRedirect(thrown)) return `redirect ${thrown.location.split('?')[0]}`;
		if (isHttpError(thrown)) return `error ${thrown.status}`;
		throw thrown;
	}
}

const handlers = Object.entries(modules).flatMap(([file, module]) => {
	const path = `/admin${file.replace(/^\.\/admin/, '').replace('/+page.server.ts', '')}`;
	return [
		...(module.load ? [{ name: `${path} load`, path, handler: module.load }] : []),
		...Object.entries(module.actions ?? {}).map(([action, handler]) => ({
			name: `${path} ?/${action}`,
			path,
			handler
		}))
	];
});

describe('admin pages', () => {
	it('are all found', () => {
		expect(handlers.map((h) => h.name)).toEqual(
			expect.arrayContaining([
				'/admin load',
				'/admin ?/testEmail',
				'/admin/settings load',
				'/admin/settings ?/save',
				'/admin/members load',
				'/admin/users load',
				'/admin/users ?/roles',
				'/admin/users ?/resetTwoFactor',
				'/admin/outbox load',
				'/admin/outbox ?/retry'
			])
		);
	});

	it.each(handlers)('$name refuses everyone but a two-factor admin', async ({ handler, path }) => {
		expect(await outcome(handler, null, path)).toBe('redirect /login');
		expect(await outcome(handler, viewer([]), path)).toBe('error 403');
		expect(await outcome(handler, viewer(['organiser', 'welfare']), path)).toBe('error 403');
		expect(await outcome(handler, viewer(['admin'], false), path)).toBe('redirect /two-factor');
		expect(await outcome(handler, viewer(['admin']), path)).toBe('allowed');
	});
});
