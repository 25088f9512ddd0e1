import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guards';
import { formText } from '$lib/server/forms';
import { readForm } from '$lib/server/kit/read-form';
import { startAssistedApplication } from '$lib/server/grants/assisted';

export const load = async (event) => {
	requireRole(event, 'welfare');
	return {};
};

export const actions = {
	start: async (event) => {
		const { user } = requireRole(event, 'welfare');
		const member = formText(await readForm(event.request), 'member');
		const started = await startAssistedApplication(member, user.id);
		if (!started.ok) return fail(400, { errors: { member: started.error }, member });
		redirect(303, `/organiser/grants/assist/${started.reference}/household`);
	}
};
