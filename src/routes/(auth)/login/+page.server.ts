import { fail, redirect } from '@sveltejs/kit';
import { checkSignInForm } from '$lib/server/auth/account-form';
import { signInWithPassword } from '$lib/server/auth/password-sign-in';
import { safeRedirectTarget } from '$lib/server/kit/guards';
import { startSession } from '$lib/server/kit/sign-in';
import { rememberVerification } from '$lib/server/kit/verification-cookie';
import { formText } from '$lib/server/forms';
import { readForm } from '$lib/server/kit/read-form';
import { setupIsOpen } from '$lib/server/setup/first-admin';

export const load = async ({ locals, url }) => {
	// A new database has nobody to sign in as: its first admin is made at /setup.
	if (await setupIsOpen()) redirect(303, '/setup');
	const redirectTo = safeRedirectTarget(url.searchParams.get('redirectTo'));
	if (locals.viewer?.user.emailVerifiedAt) redirect(303, redirectTo);
	return { redirectTo, forBooking: /^\/events\/[^/]+\/book/.test(redirectTo) };
};

export const actions = {
	default: async ({ request, cookies, getClientAddress, url }) => {
		const form = await readForm(request);
		const email = formText(form, 'email');
		const password = formText(form, 'password', { trim: false });
		const redirectTo = safeRedirectTarget(
			formText(form, 'redirectTo') || url.searchParams.get('redirectTo')
		);
		const checked = checkSignInForm({ email, password });
		if (!checked.ok) return fail(400, { values: { email }, errors: checked.errors });

		const result = await signInWithPassword({ email, password, ip: getClientAddress() });
		if (!result.ok) {
			if (result.unverified) {
				rememberVerification(cookies, result.unverified.verificationId, result.unverified.email);
				redirect(303, `/verify-email?redirectTo=${encodeURIComponent(redirectTo)}`);
			}
			const errors: Record<string, string> = { email: result.error };
			return fail(result.throttled ? 429 : 400, { values: { email }, errors });
		}
		await startSession(cookies, result.user, request);
		redirect(303, redirectTo);
	}
};
