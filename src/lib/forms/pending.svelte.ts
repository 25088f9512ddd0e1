// Progressive enhancement for a form: while it is sending, `pending` is true (the submit button
// says "Signing in…"); without JavaScript the form posts as a plain form.
import type { SubmitFunction } from '@sveltejs/kit';

export function pendingForm() {
	let pending = $state(false);
	const submit: SubmitFunction = () => {
		pending = true;
		return async ({ update }) => {
			await update();
			pending = false;
		};
	};
	return {
		get pending() {
			return pending;
		},
		submit
	};
}
