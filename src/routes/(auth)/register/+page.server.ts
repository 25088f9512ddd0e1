import { fail, redirect } from '@sveltejs/kit';
import { signUp } from '$lib/server/auth/sign-up';
import { safeRedirectTarget } from '$lib/server/kit/guards';
import { rememberVerification } from '$lib/server/kit/verification-cookie';
import { formText } from '$lib/server/forms';
import { readForm } from '$lib/server/kit/read-form';

export const load = ({ locals, url }) => {
	if (locals.viewer?.user.emailVerifiedAt) redirect(303, '/account');
	return { redirectTo: safeRedirectTarget(url.searchParams.get('redirectTo')) };
};

export const actions = {
	default: async ({ request, cookies }) => {
		const form = await readForm(request);
		const values = { name: formText(form, 'name'), email: formText(form, 'email') };
		const redirectTo = safeRedirectTarget(formText(form, 'redirectTo'));
		const result = await signUp({
			...values,
			password: formText(form, 'password', { trim: false })
		});
		if (!result.ok) {
			const throttled = result.errors.email?.startsWith('We have sent several');
			return fail(throttled ? 429 : 400, { values, errors: result.errors });
		}
		rememberVerification(cookies, result.verificationId, result.email);
		redirect(303, `/verify-email?redirectTo=${encodeURIComponent(redirectTo)}`);
	}
};
