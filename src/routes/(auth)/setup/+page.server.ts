import { error, fail, redirect } from '@sveltejs/kit';
import { formText } from '$lib/server/forms';
import { readForm } from '$lib/server/kit/read-form';
import { startSession } from '$lib/server/kit/sign-in';
import { createFirstAdmin, setupIsOpen } from '$lib/server/setup/first-admin';

/** After the account: two-factor with recovery codes, then the branch's details. */
const CLOSED = 'There is no setup page here: this desk has been set up already. Sign in instead.';

const NEXT = `/two-factor/setup?redirectTo=${encodeURIComponent('/admin/settings?setup=1')}`;

export const load = async () => {
	if (!(await setupIsOpen())) error(404, CLOSED);
	return {};
};

export const actions = {
	default: async ({ request, cookies }) => {
		if (!(await setupIsOpen())) error(404, CLOSED);
		const form = await readForm(request);
		const values = {
			code: formText(form, 'code'),
			name: formText(form, 'name'),
			email: formText(form, 'email')
		};
		const result = await createFirstAdmin({
			...values,
			password: formText(form, 'password', { trim: false })
		});
		if (!result.ok) {
			if (result.status === 404) error(404, CLOSED);
			return fail(result.status, { values, errors: result.errors });
		}
		await startSession(cookies, result.user, request);
		redirect(303, NEXT);
	}
};
