import { fail, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { db, table } from '$lib/server/db';
import { safeRedirectTarget } from '$lib/server/kit/guards';
import { startSession } from '$lib/server/kit/sign-in';
import {
	forgetVerification,
	pendingVerification,
	pendingVerificationAddress,
	rememberVerification
} from '$lib/server/kit/verification-cookie';
import {
	resendVerificationCode,
	submitVerificationCode,
	verificationAddress
} from '$lib/server/auth/verify-email-flow';
import { formText } from '$lib/server/forms';
import { readForm } from '$lib/server/kit/read-form';

export const load = async ({ cookies, url }) => {
	const requestId = pendingVerification(cookies);
	if (!requestId) redirect(303, '/login');
	return {
		email: (await verificationAddress(requestId)) ?? pendingVerificationAddress(cookies),
		redirectTo: safeRedirectTarget(url.searchParams.get('redirectTo')),
		resent: url.searchParams.has('resent'),
		forBooking: /^\/events\/[^/]+\/book/.test(
			safeRedirectTarget(url.searchParams.get('redirectTo'))
		)
	};
};

export const actions = {
	verify: async ({ request, cookies }) => {
		const form = await readForm(request);
		const code = formText(form, 'code');
		const result = await submitVerificationCode(pendingVerification(cookies), code);
		if (!result.ok)
			return fail(result.status, { values: { code }, errors: { code: result.error } });
		const [user] = await db.select().from(table.users).where(eq(table.users.id, result.userId));
		forgetVerification(cookies);
		await startSession(cookies, user, request);
		redirect(303, safeRedirectTarget(formText(form, 'redirectTo')));
	},
	resend: async ({ cookies, url }) => {
		const address = pendingVerificationAddress(cookies);
		const result = await resendVerificationCode(pendingVerification(cookies), address);
		if (!result.ok) return fail(429, { values: { code: '' }, errors: { code: result.error } });
		if (result.requestId) {
			const sentTo = (await verificationAddress(result.requestId)) ?? address ?? '';
			rememberVerification(cookies, result.requestId, sentTo);
		}
		redirect(
			303,
			`/verify-email?resent=1&redirectTo=${encodeURIComponent(safeRedirectTarget(url.searchParams.get('redirectTo')))}`
		);
	}
};
