// Which email verification request this browser is answering, and the address it was sent to:
// the request id and the address the person typed, never the code.
import type { Cookies } from '@sveltejs/kit';
import { config } from '../config.ts';

const COOKIE = 'email-verification';

export function rememberVerification(cookies: Cookies, id: string, email: string) {
	cookies.set(COOKIE, `${id}|${email}`, {
		httpOnly: true,
		sameSite: 'lax',
		secure: config.origin.startsWith('https:'),
		path: '/',
		maxAge: 60 * 60
	});
}

export function pendingVerification(cookies: Cookies) {
	return cookies.get(COOKIE)?.split('|')[0] || null;
}

/** The address as typed on the form that started this verification. */
export function pendingVerificationAddress(cookies: Cookies) {
	return cookies.get(COOKIE)?.split('|').slice(1).join('|') || null;
}

export function forgetVerification(cookies: Cookies) {
	// Said outright: SvelteKit's default follows the request URL, which is https without ORIGIN.
	cookies.delete(COOKIE, { path: '/', secure: config.origin.startsWith('https:') });
}
