import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guards';
import { config } from '$lib/server/config';
import { formText } from '$lib/server/forms';
import { readForm } from '$lib/server/kit/read-form';
import { parsePounds } from '$lib/money';
import { answerConcerns, readApplication } from '$lib/server/grants/application-review';
import {
	declineReasons,
	decideApplication,
	findApplicationForReview,
	revealBankDetails,
	type Decision
} from '$lib/server/grants/review';
import { grantBudget } from '$lib/server/grants/rounds';
import { canTransition, STAFF_STATUS_LABELS } from '$lib/server/grants/transitions';
import { londonDate, parseIsoDate } from '$lib/plain-date';
import type { GrantRound } from '$lib/server/db/schema';
import type { RequestEvent } from './$types';
import { explainFlags } from '$lib/server/grants/flag-reasons';
import { queueSearch, readQueueQuery } from '$lib/server/grants/queue-query';
import { queueNeighbours } from '$lib/server/grants/welfare-queue';
import { officerDrawPlace } from '$lib/server/grants/draw-view';

/** '2026-12-01' from a date input, if it names a real day. */
const readDate = (value: string) => (parseIsoDate(value) ? value : null);

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

type Read = { decision: Decision } | { errors: Record<string, string> };

async function decide(event: RequestEvent, read: (form: FormData, round: GrantRound) => Read) {
	const { officer, application, round } = await applicationFor(event);
	const form = await readForm(event.request);
	const values = Object.fromEntries(
		['award', 'reason', 'reasonDetail', 'message', 'paidOn', 'paymentReference'].map((n) => [
			n,
			formText(form, n)
		])
	);
	const parsed = read(form, round);
	if ('errors' in parsed) return fail(400, { errors: parsed.errors, values });
	const outcome = await decideApplication(application.id, parsed.decision, officer.id, config);
	if (!outcome.ok) return fail(409, { errors: { decision: outcome.error }, values });
	redirect(303, `/organiser/grants/${application.id}?done=${parsed.decision.kind}`);
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
	approve: (event) =>
		decide(event, (form): Read => {
			const award = parsePounds(formText(form, 'award'));
			if (award === null || award <= 0)
				return { errors: { award: 'Enter the award in pounds, like 100' } };
			return { decision: { kind: 'approve', awardPence: award } };
		}),
	decline: (event) =>
		decide(event, (form, round): Read => {
			const reason = formText(form, 'reason');
			const detail = formText(form, 'reasonDetail');
			if (!declineReasons(round).includes(reason))
				return { errors: { reason: 'Choose the reason for declining' } };
			if (detail.length > 1000)
				return { errors: { reasonDetail: 'Keep the explanation to 1,000 characters or fewer' } };
			return { decision: { kind: 'decline', reason: detail ? `${reason}. ${detail}` : reason } };
		}),
	requestInfo: (event) =>
		decide(event, (form): Read => {
			const message = formText(form, 'message');
			if (!message) return { errors: { message: 'Enter what you need the member to tell you' } };
			if (message.length > 2000)
				return { errors: { message: 'Keep the message to 2,000 characters or fewer' } };
			return { decision: { kind: 'request-info', message } };
		}),
	markPaid: (event) =>
		decide(event, (form): Read => {
			const paidOn = readDate(formText(form, 'paidOn'));
			const paymentReference = formText(form, 'paymentReference');
			const errors: Record<string, string> = {};
			if (!paidOn) errors.paidOn = 'Enter the date it was paid, like 2026-12-01';
			if (!paymentReference) errors.paymentReference = 'Enter the payment reference';
			else if (paymentReference.length > 60)
				errors.paymentReference = 'Payment reference must be 60 characters or fewer';
			if (Object.keys(errors).length) return { errors };
			return {
				decision: {
					kind: 'mark-paid',
					paidOn: new Date(`${paidOn}T12:00:00Z`),
					paymentReference
				}
			};
		})
};
