import { error, redirect } from '@sveltejs/kit';
import { memberLinks } from '$lib/grants/application-links';
import {
	loadStep,
	removeEvidenceFile,
	saveStep,
	uploadEvidence
} from '$lib/grants/application-pages.server';
import { requireUser } from '$lib/server/auth/guards';
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
		links: memberLinks(application.reference)
	};
}

export const load = async (event) => {
	const { slug, application, round, links } = await draftFor(event);
	return loadStep(application, round, slug, links);
};

export const actions = {
	save: async (event) => {
		const { slug, application, links } = await draftFor(event);
		return saveStep(event, application, slug, links);
	},
	upload: async (event) => {
		const { application } = await draftFor(event);
		return uploadEvidence(event, application);
	},
	remove: async (event) => {
		const { application } = await draftFor(event);
		return removeEvidenceFile(event, application);
	}
};
