import { fail, redirect } from '@sveltejs/kit';
import { deleteAccount, deletionPreview } from '$lib/server/account/delete-account';
import { requireUser } from '$lib/server/kit/guards';
import { deleteSessionCookie } from '$lib/server/kit/session-cookie';
import { forgetVerification } from '$lib/server/kit/verification-cookie';

export const load = async (event) => {
	const { user } = requireUser(event);
	return { email: user.email, ...(await deletionPreview(user)) };
};

export const actions = {
	default: async (event) => {
		const { user } = requireUser(event);
		const result = await deleteAccount(user.id);
		if (!result.ok) return fail(409, { error: result.reason });
		deleteSessionCookie(event.cookies);
		forgetVerification(event.cookies);
		redirect(303, '/account-deleted');
	}
};
