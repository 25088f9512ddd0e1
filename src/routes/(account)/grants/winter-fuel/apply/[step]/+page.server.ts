import { error, redirect } from '@sveltejs/kit';
import { memberLinks } from '$lib/grants/application-links';
import {
	loadStep,
	removeEvidenceFile,
	saveStep,
	uploadEvidence
} from '$lib/server/kit/grant-application-pages';
import { requireUser } from '$lib/server/kit/guards';
import { applicantContext, editableApplication } from '$lib/server/grants/applicant';
import { isStepSlug } from '$lib/server/grants/application-steps';
import type { RequestEvent } from './$types';

/** The signed-in member's own draft, while they may still change it. */
async function draftFor(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const { user } = requireUser(event);
	const slug = event.params.step;
	if (!isStepSlug(slug)) error(404, 'Page not found');
	const context = await applicantContext(user.id);
	const application = editableApplication(context);
	if (!application || context.state.kind === 'none') redirect(303, '/grants/winter-fuel');
	return {
		slug,
		application,
		round: context.state.round,
		links: memberLinks(application.reference),
		blocked: context.standingProblem
	};
}

export const load = async (event) => loadStep(await draftFor(event));

export const actions = {
	save: async (event) => saveStep(event, await draftFor(event)),
	upload: async (event) => uploadEvidence(event, await draftFor(event)),
	remove: async (event) => removeEvidenceFile(event, await draftFor(event))
};
