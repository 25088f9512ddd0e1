// What the request hooks write to the log and answer when the database is busy: every line is
// JSON, carries ids and route patterns only, and never a token from the URL.
import type { RequestEvent } from '@sveltejs/kit';
import { DrizzleQueryError } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handle, handleError } from './hooks.server.ts';
import { createSession } from '$lib/server/auth/session';
import { createMember } from '$lib/server/testing/fixtures';

let lines: string[] = [];

beforeEach(() => {
	lines = [];
	vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
		lines.push(String(chunk));
		return true;
	});
});

afterEach(() => {
	vi.restoreAllMocks();
});

function requestEvent(path: string, routeId: string | null, sessionToken?: string) {
	const url = new URL(`http://localhost:3000${path}`);
	return {
		url,
		request: new Request(url),
		route: { id: routeId },
		params: {},
		locals: {},
		cookies: {
			get: (name: string) => (name === 'session' ? sessionToken : undefined),
			set() {},
			delete() {}
		}
	} as unknown as RequestEvent;
}

async function serve(event: RequestEvent, answer: (event: RequestEvent) => Promise<Response>) {
	return handle({ event, resolve: answer as Parameters<typeof handle>[0]['resolve'] });
}

const logged = () => lines.map((line) => JSON.parse(line));

describe('request logging', () => {
	it('logs a calendar feed by its route pattern: one JSON line, no token', async () => {
		const token = 'feedtoken-7Qk2mZpX4vR9sT1w';
		const member = await createMember();
		const { token: session } = await createSession(member.id);
		const event = requestEvent(`/calendar/${token}.ics`, '/calendar/[token].ics', session);
		const response = await serve(event, async () => new Response('BEGIN:VCALENDAR'));

		expect(lines).toHaveLength(1);
		expect(lines[0].endsWith('\n')).toBe(true);
		expect(lines.join('')).not.toContain(token);
		expect(lines.join('')).not.toContain(session.split('.')[1]);
		const [line] = logged();
		expect(line).toMatchObject({
			level: 'info',
			msg: 'request',
			method: 'GET',
			route: '/calendar/[token].ics',
			status: 200,
			userId: member.id,
			requestId: response.headers.get('x-request-id')
		});
		expect(typeof line.ms).toBe('number');
		expect(Date.parse(line.time)).not.toBeNaN();
	});

	it('leaves a reset link’s query string out', async () => {
		const token = 'resettoken-Zx81Lq0Wb3';
		const event = requestEvent(`/reset-password?token=${token}`, '/(auth)/reset-password');
		await serve(event, async () => new Response('<p>form</p>'));
		expect(lines.join('')).not.toContain(token);
		expect(logged()[0]).toMatchObject({ route: '/(auth)/reset-password', userId: null });
	});

	it('keeps a proxy’s request id when it looks like one, and makes its own otherwise', async () => {
		const forwarded = requestEvent('/events', '/(public)/events');
		forwarded.request.headers.set('x-request-id', 'lb-2f6c1a9e77d0');
		const response = await serve(forwarded, async () => new Response('ok'));
		expect(response.headers.get('x-request-id')).toBe('lb-2f6c1a9e77d0');

		const odd = requestEvent('/events', '/(public)/events');
		odd.request.headers.set('x-request-id', 'someone@example.org');
		const own = await serve(odd, async () => new Response('ok'));
		expect(own.headers.get('x-request-id')).toMatch(/^[A-Z2-7]{10}$/);
	});
});

describe('errors', () => {
	it('logs a failed query without its parameters, and gives the page a reference', async () => {
		const event = requestEvent('/account', '/(account)/account');
		event.locals.requestId = 'req-1234567890';
		const failure = new DrizzleQueryError(
			'select * from users where email = ?',
			['someone@example.org'],
			Object.assign(new Error('SQLITE_IOERR: disk I/O error'), { code: 'SQLITE_IOERR' })
		);
		const shown = await handleError({ error: failure, event, status: 500, message: 'Internal' });
		expect(shown).toEqual({
			message: 'Sorry, something went wrong on our side.',
			requestId: 'req-1234567890'
		});
		expect(lines.join('')).not.toContain('someone@example.org');
		expect(logged()[0]).toMatchObject({
			level: 'error',
			msg: 'server-error',
			requestId: 'req-1234567890',
			code: 'SQLITE_IOERR',
			query: 'select * from users where email = ?'
		});
	});

	it('turns a busy database into a 503 that asks the person to try again', async () => {
		const event = requestEvent('/events/x/book', '/(account)/events/[slug=slug]/book');
		const busy = Object.assign(new Error('SQLITE_BUSY: database is locked'), {
			code: 'SQLITE_BUSY'
		});
		let shown: unknown;
		const response = await serve(event, async (inner) => {
			shown = await handleError({ error: busy, event: inner, status: 500, message: 'Internal' });
			return new Response('<h1>error page</h1>', { status: 500 });
		});
		expect(shown).toEqual({
			message: 'The desk is busy — please try again in a moment.',
			requestId: response.headers.get('x-request-id'),
			busy: true
		});
		expect(response.status).toBe(503);
		expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(await response.text()).toBe('<h1>error page</h1>');
		expect(logged().map((line) => [line.msg, line.status])).toEqual([
			['database-busy', undefined],
			['request', 503]
		]);
	});
});
