// The TOTP key a staff member is setting up, between showing the QR code and their first code.
// It lives in an HttpOnly cookie sent only to /two-factor pages, for ten minutes, tied to the
// person: the key reaches the database only once a code proves their app holds it.
import type { Cookies } from '@sveltejs/kit';
import { config } from '../config.ts';

const COOKIE = 'two-factor-setup';
const PATH = '/two-factor';

export function rememberPendingTotpKey(cookies: Cookies, userId: number, key: string) {
	cookies.set(COOKIE, `${userId}.${key}`, {
		httpOnly: true,
		sameSite: 'lax',
		secure: config.origin.startsWith('https:'),
		path: PATH,
		maxAge: 10 * 60
	});
}

/** The pending key, if this browser holds one for this person (never someone else's). */
export function pendingTotpKey(cookies: Cookies, userId: number) {
	const [owner, key] = (cookies.get(COOKIE) ?? '').split('.');
	return owner === String(userId) && key ? key : null;
}

export function forgetPendingTotpKey(cookies: Cookies) {
	// Said outright: SvelteKit's default follows the request URL, which is https without ORIGIN.
	cookies.delete(COOKIE, { path: PATH, secure: config.origin.startsWith('https:') });
}
