import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guards';
import { createRound } from '$lib/server/grants/round-editor';
import { blankRoundForm, readRoundForm, validateRoundForm } from '$lib/server/grants/round-form';
import { readForm } from '$lib/server/kit/read-form';

export const load = async (event) => {
	requireRole(event, 'welfare');
	return { values: blankRoundForm() };
};

export const actions = {
	save: async (event) => {
		const { user } = requireRole(event, 'welfare');
		const values = readRoundForm(await readForm(event.request));
		const checked = validateRoundForm(values);
		if (!checked.ok) return fail(400, { values, errors: checked.errors });
		const saved = await createRound(checked.draft, user.id);
		if (!saved.ok) return fail(409, { values, errors: saved.errors });
		redirect(303, `/organiser/grants/rounds/${saved.roundId}?saved=created`);
	}
};
