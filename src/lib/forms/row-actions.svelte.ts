// Buttons repeated on every row of a list (check in, undo, resend, remove): the one being sent
// shows its own pending label, so a fast door queue never double-taps, and the page keeps what
// was typed elsewhere.
import type { SubmitFunction } from '@sveltejs/kit';

export function rowActions() {
	let busy = $state<string | null>(null);
	const track =
		(key: string): SubmitFunction =>
		() => {
			busy = key;
			return async ({ update }) => {
				await update({ reset: false });
				busy = null;
			};
		};
	return {
		get busy() {
			return busy;
		},
		track
	};
}

export type RowActions = ReturnType<typeof rowActions>;
