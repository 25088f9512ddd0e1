// The one guard every protected load and action calls: it turns the access rule into the
// redirect or error SvelteKit sends.
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { StaffRole } from '../db/schema/index.ts';
import { memberAccess, staffAccess, type Access } from '../auth/authorization.ts';
import { isStaff } from '../auth/session.ts';
import { pendingVerification } from './verification-cookie.ts';
import { config } from '../config.ts';

type Guarded = Pick<RequestEvent, 'locals' | 'url'> & Partial<Pick<RequestEvent, 'cookies'>>;

const NEXT_STEP: Record<Exclude<Access, 'allow' | 'forbidden'>, string> = {
	'sign-in': '/login',
	'verify-email': '/verify-email',
	'two-factor-setup': '/two-factor/setup',
	'two-factor': '/two-factor'
};

function enforce(event: Guarded, access: Access) {
	if (access === 'allow') return;
	if (access === 'forbidden') error(403, 'You do not have permission to see this page');
	const back = encodeURIComponent(event.url.pathname + event.url.search);
	// Someone who created an account here but has not entered the emailed code yet is asked for
	// the code, not for a sign-in they cannot complete without it.
	const step =
		access === 'sign-in' && event.cookies && pendingVerification(event.cookies)
			? NEXT_STEP['verify-email']
			: NEXT_STEP[access];
	redirect(303, `${step}?redirectTo=${back}`);
}

export function requireUser(event: Guarded) {
	const viewer = event.locals.viewer;
	enforce(event, memberAccess(viewer));
	return viewer!;
}

export function requireRole(event: Guarded, ...roles: StaffRole[]) {
	const viewer = event.locals.viewer;
	enforce(event, staffAccess(viewer, roles));
	return viewer!;
}

/** The two-factor screens: any signed-in person with a staff role, before the code is asked. */
export function requireStaffMember(event: Guarded) {
	const viewer = requireUser(event);
	if (!isStaff(viewer.user)) {
		error(403, 'Two-factor sign-in is for branch staff. Your account does not need it.');
	}
	return viewer;
}

// Characters no return address needs and every open-redirect trick leans on: control and
// white-space characters (browsers drop a tab or line break and may read what is left as
// another host), backslashes (read as slashes), and slashes written as %2f or %5c.
const UNSAFE_CHARACTERS = /[\p{Cc}\p{Cf}\p{White_Space}\p{Zl}\p{Zp}\\]/u;
const ENCODED_SLASH = /%(2f|5c)/i;
const MAX_TARGET_LENGTH = 2000;

/**
 * The one check for every place that takes an address to return to (sign-in, sign-up, two-factor,
 * email confirmation): the target is read as a URL against the site's own origin and accepted
 * only when it stays on this site and was written as a plain path. Anything else gives
 * `fallback`. The answer is the URL's own serialisation, so it is always plain ASCII and safe
 * to put in a Location header.
 */
export function safeRedirectTarget(
	value: string | null | undefined,
	fallback = '/account',
	origin = config.origin
) {
	if (!value || value.length > MAX_TARGET_LENGTH || !value.startsWith('/')) return fallback;
	if (UNSAFE_CHARACTERS.test(value)) return fallback;
	const path = value.split(/[?#]/, 1)[0];
	if (ENCODED_SLASH.test(path) || path.startsWith('//')) return fallback;
	let url: URL;
	try {
		url = new URL(value, origin);
	} catch {
		return fallback;
	}
	const base = new URL(origin);
	if (url.origin !== base.origin || url.username || url.password) return fallback;
	const target = url.pathname + url.search + url.hash;
	// A path that normalises to two slashes would be read by a browser as another host.
	return target.startsWith('/') && !target.startsWith('//') ? target : fallback;
}
