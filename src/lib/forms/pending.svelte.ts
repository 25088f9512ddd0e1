// Progressive enhancement for a form: while it is sending, `pending` is true (the submit button
// says "Signing in…"); without JavaScript the form posts as a plain form. Whatever the answer,
// password fields come back empty, as they do without JavaScript: passwords are never kept.
import type { SubmitFunction } from '@sveltejs/kit';
import { focusOnArrival } from '../focus.ts';

/** `keepDataAfterSuccess`: a success leaves the page's data as it was (an answer shown once). */
export function pendingForm(options: { keepDataAfterSuccess?: () => boolean } = {}) {
	let pending = $state(false);
	const submit: SubmitFunction = ({ formElement }) => {
		pending = true;
		return async ({ result, update }) => {
			const keep = result.type === 'success' && (options.keepDataAfterSuccess?.() ?? false);
			await update({ invalidateAll: !keep });
			pending = false;
			// A redirect is a navigation, and the layout moves focus after it.
			if (result.type !== 'redirect') focusOnArrival();
			for (const input of formElement.querySelectorAll<HTMLInputElement>(
				'input[type="password"]'
			)) {
				input.value = '';
			}
		};
	};
	return {
		get pending() {
			return pending;
		},
		submit
	};
}
