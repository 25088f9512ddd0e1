import { fail, redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { requireRole } from '$lib/server/kit/guards';
import { readForm } from '$lib/server/kit/read-form';
import { formText } from '$lib/server/forms';
import { readBranchSettings, saveBranchSettings } from '$lib/server/settings/branch-settings';
import { checkBranchSettings } from '$lib/server/settings/branch-settings-form';

export const load = async (event) => {
	requireRole(event, 'admin');
	return {
		setup: event.url.searchParams.has('setup'),
		settings: await readBranchSettings(),
		sender: { address: config.email.fromAddress, name: config.email.fromName }
	};
};

export const actions = {
	save: async (event) => {
		const { user } = requireRole(event, 'admin');
		const form = await readForm(event.request);
		const checked = checkBranchSettings(form);
		if (!checked.ok) return fail(400, { values: checked.values, errors: checked.errors });
		const changed = await saveBranchSettings(user, checked.values);
		// The last step of the first-run setup: on to the checklist of what else to set up.
		if (formText(form, 'setup')) redirect(303, '/admin');
		return { saved: changed.length };
	}
};
