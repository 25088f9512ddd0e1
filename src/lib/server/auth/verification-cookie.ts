// Which email verification request this browser is answering: its id only, never the code.
import type { Cookies } from '@sveltejs/kit';
import { config } from '../config.ts';

const COOKIE = 'email-verification';

export function rememberVerification(cookies: Cookies, id: string) {
	cookies.set(COOKIE, id, {
		httpOnly: true,
		sameSite: 'lax',
		secure: config.origin.startsWith('https:'),
		path: '/',
		maxAge: 60 * 60
	});
}

export function pendingVerification(cookies: Cookies) {
	return cookies.get(COOKIE) ?? null;
}

export function forgetVerification(cookies: Cookies) {
	cookies.delete(COOKIE, { path: '/' });
}
