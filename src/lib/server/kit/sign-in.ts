// The last step of every way in (sign-up, sign-in, password reset, a two-factor code): a fresh
// session token, never a reused one, and the cookie that carries it.
import type { Cookies } from '@sveltejs/kit';
import type { User } from '../db/schema/index.ts';
import { createSession, replaceSession, sessionExpiresAt } from '../auth/session.ts';
import { setSessionCookie } from './session-cookie.ts';

/** `request` names the device in the person's list of where they are signed in. */
export async function startSession(cookies: Cookies, user: User, request?: Request) {
	const userAgent = request?.headers.get('user-agent') ?? null;
	const { token, session } = await createSession(user.id, { userAgent });
	setSessionCookie(cookies, token, sessionExpiresAt(session, user));
	return session;
}

/** A new token for a session that has just passed its two-factor check. */
export async function renewSession(cookies: Cookies, user: User, sessionId: string) {
	const renewed = await replaceSession(sessionId);
	if (renewed) setSessionCookie(cookies, renewed.token, sessionExpiresAt(renewed.session, user));
}
