import { error } from '@sveltejs/kit';
import { assistedLinks } from '$lib/grants/application-links';
import { loadCheck, submitFromCheck } from '$lib/server/kit/grant-application-pages';
import { requireRole } from '$lib/server/kit/guards';
import { assistedStandingProblem } from '$lib/server/grants/applicant';
import { findAssistedApplication } from '$lib/server/grants/assisted';
import type { RequestEvent } from './$types';

async function draftFor(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const { user } = requireRole(event, 'welfare');
	const found = await findAssistedApplication(event.params.reference);
	if (!found) error(404, 'No open application with that reference');
	return { ...found, officer: user, blocked: await assistedStandingProblem(found.applicant) };
}

export const load = async (event) => {
	const { application, applicant, round, blocked } = await draftFor(event);
	return loadCheck(
		application,
		round,
		assistedLinks(application.reference, application.id, applicant.name),
		blocked
	);
};

export const actions = {
	submit: async (event) => {
		const { application, applicant, round, blocked, officer } = await draftFor(event);
		return submitFromCheck(
			event,
			application,
			round,
			applicant,
			`/organiser/grants/${application.id}?done=assisted`,
			blocked,
			officer.id
		);
	}
};
