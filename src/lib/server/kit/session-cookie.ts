// The session cookie: HttpOnly, SameSite=Lax, and under https also Secure with the __Host-
// prefix (bound to this exact host, no Domain, path /).
import type { Cookies } from '@sveltejs/kit';
import { config } from '../config.ts';

const secure = config.origin.startsWith('https:');
export const SESSION_COOKIE = secure ? '__Host-session' : 'session';

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date) {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure,
		path: '/',
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies) {
	cookies.delete(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
