import { fail } from '@sveltejs/kit';
import { emailProblem, normaliseEmail } from '$lib/server/auth/sign-up';
import { requestPasswordReset } from '$lib/server/auth/password-reset';
import { describeWait } from '$lib/server/auth/rate-limit';
import { formText } from '$lib/server/forms';
import { readForm } from '$lib/server/kit/read-form';

export const actions = {
	default: async ({ request }) => {
		const email = normaliseEmail(formText(await readForm(request), 'email'));
		const problem = emailProblem(email);
		if (problem) return fail(400, { values: { email }, errors: { email: problem } });
		const reset = await requestPasswordReset(email);
		if (!reset.ok) {
			return fail(429, {
				values: { email },
				errors: {
					email: `We have sent several emails to this address. Try again in ${describeWait(reset.retryAfterMs)}.`
				}
			});
		}
		return { sentTo: email };
	}
};
