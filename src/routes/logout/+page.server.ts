import { redirect } from '@sveltejs/kit';
import { recordAudit } from '$lib/server/audit';
import { invalidateSession } from '$lib/server/auth/session';
import { deleteSessionCookie } from '$lib/server/kit/session-cookie';

export const load = () => redirect(303, '/');

export const actions = {
	default: async ({ locals, cookies }) => {
		if (locals.viewer) {
			await invalidateSession(locals.viewer.session.id);
			await recordAudit({ actorUserId: locals.viewer.user.id, action: 'logout' });
		}
		deleteSessionCookie(cookies);
		redirect(303, '/?signedOut=1');
	}
};
