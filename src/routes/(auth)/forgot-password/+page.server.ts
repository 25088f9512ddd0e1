import { fail } from '@sveltejs/kit';
import { normaliseEmail } from '$lib/server/auth/sign-up';
import { requestPasswordReset } from '$lib/server/auth/password-reset';
import { checkResetRequest } from '$lib/server/auth/password-reset-form';
import { describeWait } from '$lib/server/auth/rate-limit';
import { formText } from '$lib/server/forms';
import { readForm } from '$lib/server/kit/read-form';

export const actions = {
	default: async ({ request }) => {
		const checked = checkResetRequest({
			email: normaliseEmail(formText(await readForm(request), 'email'))
		});
		if (!checked.ok) return fail(400, { values: checked.values, errors: checked.errors });
		const { email } = checked.data;
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
