// The one guard every protected load and action calls: it turns the access rule into the
// redirect or error SvelteKit sends.
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { StaffRole } from '../db/schema/index.ts';
import { memberAccess, staffAccess, type Access } from '../auth/authorization.ts';
import { isStaff } from '../auth/session.ts';
import { pendingVerification } from './verification-cookie.ts';

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

/** Only a same-site path may be a place to return to after signing in. */
export function safeRedirectTarget(value: string | null | undefined, fallback = '/account') {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
		return fallback;
	return value;
}
