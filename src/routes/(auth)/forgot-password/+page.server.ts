import { fail } from '@sveltejs/kit';
import { emailProblem, normaliseEmail } from '$lib/server/auth/accounts';
import { requestPasswordReset } from '$lib/server/auth/password-reset';
import { consumeRateLimit, describeWait, LIMITS } from '$lib/server/auth/rate-limit';
import { formText } from '$lib/server/forms';
import { readForm } from '$lib/server/read-form';

export const actions = {
	default: async ({ request }) => {
		const email = normaliseEmail(formText(await readForm(request), 'email'));
		const problem = emailProblem(email);
		if (problem) return fail(400, { values: { email }, errors: { email: problem } });
		const limit = await consumeRateLimit(`email-send:${email}`, LIMITS.emailsPerAddress);
		if (!limit.allowed) {
			return fail(429, {
				values: { email },
				errors: {
					email: `We have sent several emails to this address. Try again in ${describeWait(limit.retryAfterMs)}.`
				}
			});
		}
		await requestPasswordReset(email);
		return { sentTo: email };
	}
};
