// Progressive enhancement for a form: while it is sending, `pending` is true (the submit button
// says "Signing in…"); without JavaScript the form posts as a plain form. A refused form comes
// back with password fields empty, as it does without JavaScript: passwords are never kept.
import type { SubmitFunction } from '@sveltejs/kit';

export function pendingForm() {
	let pending = $state(false);
	const submit: SubmitFunction = ({ formElement }) => {
		pending = true;
		return async ({ result, update }) => {
			await update();
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
