// Who may open what: a pure rule, so every guard and the route-matrix test agree.
import type { Session, StaffRole, User } from '../db/schema/index.ts';

export type Viewer = { user: User; session: Session } | null;

export type Access =
	'allow' | 'sign-in' | 'verify-email' | 'two-factor-setup' | 'two-factor' | 'forbidden';

/** Signed-in people with a verified email may use member pages. */
export function memberAccess(viewer: Viewer): Access {
	if (!viewer) return 'sign-in';
	if (!viewer.user.emailVerifiedAt) return 'verify-email';
	return 'allow';
}

/**
 * Staff pages need one of the roles, two-factor enrolled, and a code entered in this session.
 * An admin is not an organiser or a welfare officer by default: each role is given on its own.
 */
export function staffAccess(viewer: Viewer, roles: readonly StaffRole[]): Access {
	const member = memberAccess(viewer);
	if (member !== 'allow' || !viewer) return member;
	if (!roles.some((role) => viewer.user.roles.includes(role))) return 'forbidden';
	if (!viewer.user.totpSecret || !viewer.user.totpEnrolledAt) return 'two-factor-setup';
	if (!viewer.session.twoFactorVerifiedAt) return 'two-factor';
	return 'allow';
}
