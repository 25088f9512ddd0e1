import { fail, redirect } from '@sveltejs/kit';
import { requireStaffMember, safeRedirectTarget } from '$lib/server/kit/guards';
import { renewSession } from '$lib/server/kit/sign-in';
import { useRecoveryCode, verifyTwoFactorCode } from '$lib/server/auth/two-factor';
import { formText } from '$lib/server/forms';
import { readForm } from '$lib/server/kit/read-form';

export const load = (event) => {
	const { user, session } = requireStaffMember(event);
	const redirectTo = safeRedirectTarget(event.url.searchParams.get('redirectTo'));
	if (!user.totpEnrolledAt) {
		redirect(303, `/two-factor/setup?redirectTo=${encodeURIComponent(redirectTo)}`);
	}
	if (session.twoFactorVerifiedAt) redirect(303, redirectTo);
	return { redirectTo };
};

export const actions = {
	verify: async (event) => {
		const { user, session } = requireStaffMember(event);
		const form = await readForm(event.request);
		const code = formText(form, 'code');
		const result = await verifyTwoFactorCode({
			user,
			sessionId: session.id,
			code,
			ip: event.getClientAddress()
		});
		if (!result.ok)
			return fail(result.status, { values: { code }, errors: { code: result.error } });
		await renewSession(event.cookies, user, session.id);
		redirect(303, safeRedirectTarget(formText(form, 'redirectTo')));
	},
	recover: async (event) => {
		const { user, session } = requireStaffMember(event);
		const form = await readForm(event.request);
		const result = await useRecoveryCode({
			userId: user.id,
			sessionId: session.id,
			code: formText(form, 'recoveryCode'),
			ip: event.getClientAddress()
		});
		if (!result.ok) return fail(result.status, { errors: { recoveryCode: result.error } });
		await renewSession(event.cookies, user, session.id);
		redirect(303, safeRedirectTarget(formText(form, 'redirectTo')));
	}
};
