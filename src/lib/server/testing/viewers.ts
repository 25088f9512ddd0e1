// A signed-in person as the guards see them, for tests that ask who each route lets in.
import type { Viewer } from '../auth/authorization.ts';
import type { Session, StaffRole, User } from '../db/schema/index.ts';

/** Staff get an enrolled two-factor key; `twoFactorDone` says whether this session used it. */
export function testViewer(
	roles: StaffRole[],
	options: { id?: number; twoFactorDone?: boolean } = {}
): Viewer {
	const now = new Date();
	const id = options.id ?? 4242;
	const user = {
		id,
		email: `someone${id}@example.org`,
		emailVerifiedAt: now,
		name: 'Someone',
		roles,
		totpSecret: roles.length ? 'A'.repeat(32) : null,
		totpEnrolledAt: roles.length ? now : null,
		deletedAt: null
	} as User;
	const session = {
		id: 'session',
		userId: user.id,
		createdAt: now,
		lastUsedAt: now,
		twoFactorVerifiedAt: (options.twoFactorDone ?? true) ? now : null
	} as Session;
	return { user, session };
}
