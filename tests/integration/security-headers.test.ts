// Security headers and the session cookie as a browser receives them from the production build:
// over plain http on localhost, and with an https ORIGIN as behind a proxy that terminates TLS.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/lib/server/auth/password.ts';
import { startServers, testPorts } from '../load/servers.ts';

const PASSWORD = 'tangerine lighthouse gravel orbit';
const HTTPS_ORIGIN = 'https://desk.example.org';
const folder = mkdtempSync(join(tmpdir(), 'branchdesk-headers-'));
const databaseUrl = `file:${join(folder, 'headers.db')}`;
const children: ChildProcess[] = [];
let plain = '';
let behindProxy = '';

beforeAll(async () => {
	const [plainPort, httpsPort] = testPorts(4, 2);
	const first = await startServers([plainPort], databaseUrl);
	const second = await startServers([httpsPort], databaseUrl, { ORIGIN: HTTPS_ORIGIN });
	children.push(...first.children, ...second.children);
	[plain] = first.origins;
	[behindProxy] = second.origins;
	const client = createClient({ url: databaseUrl });
	await client.execute({
		sql: 'insert into users (email, name, password_hash, email_verified_at, created_at) values (?, ?, ?, ?, ?)',
		args: [
			'amara@example.org',
			'Amara Okafor',
			await hashPassword(PASSWORD),
			Date.now(),
			Date.now()
		]
	});
	client.close();
}, 120_000);

afterAll(() => {
	children.forEach((child) => child.kill());
	rmSync(folder, { recursive: true, force: true });
});

function signIn(server: string, origin: string) {
	return fetch(`${server}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email: 'amara@example.org', password: PASSWORD })
	});
}

describe('every page', () => {
	it('carries a CSP that forbids plugins, base tags and framing, and nosniff', async () => {
		for (const path of ['/', '/login', '/events']) {
			const response = await fetch(`${plain}${path}`);
			expect(response.status).toBe(200);
			const csp = response.headers.get('content-security-policy') ?? '';
			expect(csp).toContain("object-src 'none'");
			expect(csp).toContain("base-uri 'none'");
			expect(csp).toContain("frame-ancestors 'none'");
			expect(csp).toContain("script-src 'self'");
			expect(csp).toMatch(/style-src 'self'(;|$)/);
			expect(csp).not.toContain('unsafe-inline');
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
			expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		}
		const health = await fetch(`${plain}/healthz`);
		expect(health.headers.get('x-content-type-options')).toBe('nosniff');
	});

	it('marks what a signed-in person is shown as private, with no ETag, and keeps public caching', async () => {
		const signedIn = await signIn(plain, plain);
		const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0];
		for (const path of ['/account', '/events', '/']) {
			const response = await fetch(`${plain}${path}`, { headers: { cookie } });
			expect(response.headers.get('cache-control'), path).toBe('private, no-store');
			expect(response.headers.get('etag'), path).toBeNull();
		}
		const open = await fetch(`${plain}/events`);
		expect(open.headers.get('cache-control')).toMatch(/^public, max-age=/);
	});

	it('sends no referrer from the page whose address holds a reset token', async () => {
		const response = await fetch(`${plain}/reset-password?token=made.up`);
		expect(response.headers.get('referrer-policy')).toBe('no-referrer');
	});
});

describe('over plain http on localhost', () => {
	it('sends no HSTS, and a session cookie that is HttpOnly and SameSite=Lax but not Secure', async () => {
		expect((await fetch(`${plain}/login`)).headers.get('strict-transport-security')).toBeNull();
		const response = await signIn(plain, plain);
		expect(response.status).toBe(303);
		const [cookie] = response.headers.getSetCookie().filter((c) => c.startsWith('session='));
		expect(cookie).toMatch(/; HttpOnly/i);
		expect(cookie).toMatch(/; SameSite=Lax/i);
		expect(cookie).toMatch(/; Path=\//i);
		expect(cookie).not.toMatch(/; Secure/i);
	});
});

describe('with an https ORIGIN', () => {
	it('sends HSTS on every response', async () => {
		for (const path of ['/', '/login', '/healthz']) {
			const response = await fetch(`${behindProxy}${path}`);
			expect(response.headers.get('strict-transport-security')).toBe(
				'max-age=31536000; includeSubDomains'
			);
		}
	});

	it('sets the session cookie Secure, HttpOnly, SameSite=Lax and __Host- prefixed', async () => {
		const response = await signIn(behindProxy, HTTPS_ORIGIN);
		expect(response.status).toBe(303);
		const cookies = response.headers.getSetCookie();
		expect(cookies.some((c) => c.startsWith('session='))).toBe(false);
		const [cookie] = cookies.filter((c) => c.startsWith('__Host-session='));
		expect(cookie).toMatch(/; Secure/i);
		expect(cookie).toMatch(/; HttpOnly/i);
		expect(cookie).toMatch(/; SameSite=Lax/i);
		expect(cookie).toMatch(/; Path=\/(;|$)/i);
		expect(cookie).not.toMatch(/; Domain=/i);
	});

	it('puts the https address in links sent by email', async () => {
		const response = await fetch(`${behindProxy}/forgot-password`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: HTTPS_ORIGIN,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ email: 'amara@example.org' })
		});
		expect(response.status).toBe(200);
		const client = createClient({ url: databaseUrl });
		const { rows } = await client.execute(
			"select text_body from outbox where template = 'password-reset'"
		);
		client.close();
		expect(String(rows[0].text_body)).toContain(`${HTTPS_ORIGIN}/reset-password?token=`);
	});

	it('refuses a form posted from the plain-http address', async () => {
		const response = await signIn(behindProxy, behindProxy);
		expect(response.status).toBe(403);
	});
});
