// The last step of every way in (sign-up, sign-in, password reset): a fresh session token,
// never a reused one, and the cookie that carries it.
import type { Cookies } from '@sveltejs/kit';
import type { User } from '../db/schema/index.ts';
import { createSession, sessionExpiresAt } from './session.ts';
import { setSessionCookie } from './session-cookie.ts';

export async function startSession(cookies: Cookies, user: User) {
	const { token, session } = await createSession(user.id);
	setSessionCookie(cookies, token, sessionExpiresAt(session, user));
	return session;
}
