import { error } from '@sveltejs/kit';
import { assistedLinks } from '$lib/grants/application-links';
import {
	loadStep,
	removeEvidenceFile,
	saveStep,
	uploadEvidence
} from '$lib/server/kit/grant-application-pages';
import { requireRole } from '$lib/server/kit/guards';
import { isStepSlug } from '$lib/server/grants/application-steps';
import { assistedStandingProblem } from '$lib/server/grants/applicant';
import { findAssistedApplication } from '$lib/server/grants/assisted';
import type { RequestEvent } from './$types';

async function draftFor(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	requireRole(event, 'welfare');
	const slug = event.params.step;
	if (!isStepSlug(slug)) error(404, 'Page not found');
	const found = await findAssistedApplication(event.params.reference);
	if (!found) error(404, 'No open application with that reference');
	const { application, applicant, round } = found;
	return {
		slug,
		application,
		round,
		links: assistedLinks(application.reference, application.id, applicant.name),
		blocked: await assistedStandingProblem(applicant)
	};
}

export const load = async (event) => loadStep(await draftFor(event));

export const actions = {
	save: async (event) => saveStep(event, await draftFor(event)),
	upload: async (event) => uploadEvidence(event, await draftFor(event)),
	remove: async (event) => removeEvidenceFile(event, await draftFor(event))
};
