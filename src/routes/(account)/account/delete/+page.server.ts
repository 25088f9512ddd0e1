import { fail, redirect } from '@sveltejs/kit';
import { deletionPreview } from '$lib/server/account/delete-account';
import { deleteAccountWithPassword } from '$lib/server/account/confirmed-deletion';
import { formText } from '$lib/server/forms';
import { requireUser } from '$lib/server/kit/guards';
import { readForm } from '$lib/server/kit/read-form';
import { deleteSessionCookie } from '$lib/server/kit/session-cookie';
import { forgetVerification } from '$lib/server/kit/verification-cookie';

export const load = async (event) => {
	const { user } = requireUser(event);
	return { email: user.email, ...(await deletionPreview(user)) };
};

export const actions = {
	default: async (event) => {
		const { user } = requireUser(event);
		const form = await readForm(event.request);
		const result = await deleteAccountWithPassword(
			user,
			formText(form, 'password', { trim: false })
		);
		if (!result.ok) return fail(result.status, { error: result.blocked, errors: result.errors });
		deleteSessionCookie(event.cookies);
		forgetVerification(event.cookies);
		redirect(303, '/account-deleted');
	}
};
