import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guards';
import { config } from '$lib/server/config';
import { formFields } from '$lib/server/forms';
import { readForm } from '$lib/server/kit/read-form';
import { answerConcerns, readApplication } from '$lib/server/grants/application-review';
import {
	declineReasons,
	decideApplication,
	findApplicationForReview,
	revealBankDetails
} from '$lib/server/grants/review';
import { DECISION_FIELDS, readDecision, type DecisionForm } from '$lib/server/grants/decision-form';
import { grantBudget } from '$lib/server/grants/rounds';
import { canTransition, STAFF_STATUS_LABELS } from '$lib/server/grants/transitions';
import { londonDate } from '$lib/plain-date';
import type { RequestEvent } from './$types';
import { explainFlags } from '$lib/server/grants/flag-reasons';
import { queueSearch, readQueueQuery } from '$lib/server/grants/queue-query';
import { queueNeighbours } from '$lib/server/grants/welfare-queue';
import { officerDrawPlace } from '$lib/server/grants/draw-view';

async function applicationFor(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const { user } = requireRole(event, 'welfare');
	const id = Number(event.params.id);
	const found = Number.isInteger(id) ? await findApplicationForReview(id) : null;
	if (!found || found.application.status === 'draft') error(404, 'Application not found');
	return { officer: user, ...found };
}

export const load = async (event) => {
	const { application, applicant, round } = await applicationFor(event);
	const read = await readApplication(application, config.grantDataKey.key);
	const query = readQueueQuery(event.url.searchParams);
	const place = await queueNeighbours(round.id, application.id, query);
	const search = queueSearch({ ...query, page: 1 });
	const s = application.status;
	const drawn = await officerDrawPlace(application.id, round);
	const inOrder = !drawn || (drawn.state === 'placed' && drawn.reserve === null);
	return {
		id: application.id,
		reference: application.reference,
		status: s,
		statusLabel: STAFF_STATUS_LABELS[s],
		applicant: { name: applicant.name, email: applicant.email },
		flags: application.flags,
		assisted: application.assistedBy !== null,
		paysByBank:
			application.answers.payoutMethod === 'bank' && application.bankDetailsCiphertext !== null,
		awardPence: application.awardPence,
		decisionReason: application.decisionReason,
		paymentReference: application.paymentReference,
		paidAt: application.paidAt,
		round: {
			name: round.name,
			standardAwardPence: round.standardAwardPence,
			coolDownMonths: round.coolDownMonths
		},
		budget: await grantBudget(round.id),
		answers: read.answers,
		evidence: read.evidence,
		noEvidence: read.evidence.length === 0 && application.erasedAt === null,
		history: read.history,
		concerns: answerConcerns(application, round),
		drawn,
		declineReasons: declineReasons(round),
		can: {
			approve: canTransition(s, 'approved', 'welfare') && inOrder,
			decline: canTransition(s, 'declined', 'welfare'),
			requestInfo: canTransition(s, 'needs-info', 'welfare'),
			markPaid: canTransition(s, 'paid', 'welfare')
		},
		today: londonDate(new Date()),
		done: event.url.searchParams.get('done'),
		reasons: place ? await explainFlags(place.row, application, round) : [],
		queueSearch: search,
		previousHref: place?.previousId ? `/organiser/grants/${place.previousId}${search}` : null,
		nextHref: place?.nextId ? `/organiser/grants/${place.nextId}${search}` : null
	};
};

async function decide(event: RequestEvent, form: DecisionForm) {
	const { officer, application, round } = await applicationFor(event);
	const values = formFields(await readForm(event.request), DECISION_FIELDS);
	const read = readDecision(form, values, round);
	if ('errors' in read) return fail(400, { errors: read.errors, values });
	const outcome = await decideApplication(application.id, read.decision, officer.id, config);
	if (!outcome.ok) return fail(409, { errors: { decision: outcome.error }, values });
	redirect(303, `/organiser/grants/${application.id}?done=${read.decision.kind}`);
}

export const actions = {
	showBankDetails: async (event) => {
		const { officer, application } = await applicationFor(event);
		const bank = await revealBankDetails(application.id, officer.id, config.grantDataKey.key);
		if (!bank) {
			return fail(409, {
				errors: {
					decision: 'Bank details are shown only for an approved grant paid by bank transfer.'
				},
				values: {}
			});
		}
		return { bank };
	},
	approve: (event) => decide(event, 'approve'),
	decline: (event) => decide(event, 'decline'),
	requestInfo: (event) => decide(event, 'requestInfo'),
	markPaid: (event) => decide(event, 'markPaid')
};
