// Progressive enhancement for a form: while it is sending, `pending` is true (the submit button
// says "Signing in…"); without JavaScript the form posts as a plain form. A refused form comes
// back with password fields empty, as it does without JavaScript: passwords are never kept.
import type { SubmitFunction } from '@sveltejs/kit';

/** `keepDataAfterSuccess`: a success leaves the page's data as it was (an answer shown once). */
export function pendingForm(options: { keepDataAfterSuccess?: () => boolean } = {}) {
	let pending = $state(false);
	const submit: SubmitFunction = ({ formElement }) => {
		pending = true;
		return async ({ result, update }) => {
			const keep = result.type === 'success' && (options.keepDataAfterSuccess?.() ?? false);
			await update({ invalidateAll: !keep });
			pending = false;
			if (result.type === 'failure') {
				for (const input of formElement.querySelectorAll<HTMLInputElement>(
					'input[type="password"]'
				)) {
					input.value = '';
				}
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
