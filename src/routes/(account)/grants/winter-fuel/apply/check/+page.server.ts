import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { config } from '$lib/server/config';
import { formText } from '$lib/server/forms';
import { applicantContext, editableApplication } from '$lib/server/grants/applicant';
import { answerConcerns, readApplication } from '$lib/server/grants/application-review';
import { APPLICATION_STEPS, firstUnansweredStep } from '$lib/server/grants/application-steps';
import { submitApplication } from '$lib/server/grants/applications';
import type { RequestEvent } from './$types';

async function draftFor(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const { user } = requireUser(event);
	const context = await applicantContext(user.id);
	const application = editableApplication(context);
	if (!application || context.state.kind === 'none') redirect(303, '/grants/winter-fuel');
	return { user, application, round: context.state.round };
}

export const load = async (event) => {
	const { application, round } = await draftFor(event);
	const read = await readApplication(application, config.grantDataKey.key);
	const missing = firstUnansweredStep(application.answers);
	return {
		reference: application.reference,
		answers: read.answers,
		evidence: read.evidence,
		missing: missing === 'check' ? null : APPLICATION_STEPS.find((s) => s.slug === missing)!,
		concerns: answerConcerns(application, round),
		needsInfo: application.status === 'needs-info'
	};
};

export const actions = {
	submit: async (event) => {
		const { user, application, round } = await draftFor(event);
		const form = await event.request.formData();
		if (firstUnansweredStep(application.answers) !== 'check') {
			return fail(400, { errors: { declaration: 'Answer every question before you submit' } });
		}
		if (formText(form, 'declaration') !== 'yes') {
			return fail(400, {
				errors: { declaration: 'Confirm that your answers are true and complete' }
			});
		}
		const sent = await submitApplication(application, round, user, config);
		if (!sent) {
			return fail(409, {
				errors: { declaration: 'This application has already been sent. See it in your account.' }
			});
		}
		redirect(303, `/account/grants/${application.reference}?sent=1`);
	}
};
