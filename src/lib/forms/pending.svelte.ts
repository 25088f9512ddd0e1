// Progressive enhancement for a form: while it is sending, `pending` is true (the submit button
// says "Signing in…"); without JavaScript the form posts as a plain form. Whatever the answer,
// password fields come back empty, as they do without JavaScript: passwords are never kept.
import type { SubmitFunction } from '@sveltejs/kit';
import { focusOnArrival } from '../focus.ts';

export function pendingForm() {
	let pending = $state(false);
	const submit: SubmitFunction = ({ formElement }) => {
		pending = true;
		return async ({ result, update }) => {
			await update();
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
