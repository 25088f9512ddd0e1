import { fail, redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { requireStaffMember, safeRedirectTarget } from '$lib/server/kit/guards';
import {
	generateTotpKey,
	groupKeyForTyping,
	totpKeyUri,
	totpQrCodeDataUrl
} from '$lib/server/auth/totp';
import { renewSession } from '$lib/server/kit/sign-in';
import { enrolTwoFactor } from '$lib/server/auth/two-factor';
import {
	forgetPendingTotpKey,
	pendingTotpKey,
	rememberPendingTotpKey
} from '$lib/server/kit/two-factor-cookie';
import { formText } from '$lib/server/forms';
import { readForm } from '$lib/server/kit/read-form';

export const load = async (event) => {
	const { user, session } = requireStaffMember(event);
	const redirectTo = safeRedirectTarget(event.url.searchParams.get('redirectTo'));
	if (user.totpEnrolledAt) {
		if (!session.twoFactorVerifiedAt) {
			redirect(303, `/two-factor?redirectTo=${encodeURIComponent(redirectTo)}`);
		}
		return { enrolled: true as const, redirectTo };
	}
	// The same key until it is used or expires, so reloading the page keeps the scanned code valid.
	let key = pendingTotpKey(event.cookies, user.id);
	if (!key) {
		key = generateTotpKey();
		rememberPendingTotpKey(event.cookies, user.id, key);
	}
	return {
		enrolled: false as const,
		redirectTo,
		email: user.email,
		qrCode: await totpQrCodeDataUrl(totpKeyUri(config.branchName, user.email, key)),
		keyForTyping: groupKeyForTyping(key),
		expired: event.url.searchParams.has('expired')
	};
};

export const actions = {
	default: async (event) => {
		const { user, session } = requireStaffMember(event);
		const form = await readForm(event.request);
		const redirectTo = safeRedirectTarget(formText(form, 'redirectTo'));
		const key = pendingTotpKey(event.cookies, user.id);
		if (!key) {
			redirect(303, `/two-factor/setup?expired=1&redirectTo=${encodeURIComponent(redirectTo)}`);
		}
		const code = formText(form, 'code');
		const result = await enrolTwoFactor({
			userId: user.id,
			sessionId: session.id,
			key,
			code,
			ip: event.getClientAddress()
		});
		if (!result.ok)
			return fail(result.status, { values: { code }, errors: { code: result.error } });
		forgetPendingTotpKey(event.cookies);
		await renewSession(event.cookies, user, session.id);
		return { recoveryCodes: result.recoveryCodes, redirectTo };
	}
};
