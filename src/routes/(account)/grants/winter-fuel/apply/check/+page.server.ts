import { redirect } from '@sveltejs/kit';
import { memberLinks } from '$lib/grants/application-links';
import { loadCheck, submitFromCheck } from '$lib/server/kit/grant-application-pages';
import { requireUser } from '$lib/server/kit/guards';
import { applicantContext, editableApplication } from '$lib/server/grants/applicant';
import type { RequestEvent } from './$types';

async function draftFor(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const { user } = requireUser(event);
	const context = await applicantContext(user.id);
	const application = editableApplication(context);
	if (!application || context.state.kind === 'none') redirect(303, '/grants/winter-fuel');
	return { user, application, round: context.state.round, blocked: context.standingProblem };
}

export const load = async (event) => {
	const { application, round, blocked } = await draftFor(event);
	return loadCheck(application, round, memberLinks(application.reference), blocked);
};

export const actions = {
	submit: async (event) => {
		const { user, application, round, blocked } = await draftFor(event);
		return submitFromCheck(
			event,
			application,
			round,
			user,
			`/account/grants/${application.reference}?sent=1`,
			blocked
		);
	}
};
