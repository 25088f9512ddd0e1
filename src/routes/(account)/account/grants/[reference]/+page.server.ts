import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/kit/guards';
import { config } from '$lib/server/config';
import { formText } from '$lib/server/forms';
import { readForm } from '$lib/server/kit/read-form';
import { readApplication } from '$lib/server/grants/application-review';
import { checkReply } from '$lib/server/grants/reply-form';
import {
	findApplicationByReference,
	submitApplication,
	withdrawApplication
} from '$lib/server/grants/applications';
import { STATUS_LABELS, OPEN_STATUSES } from '$lib/server/grants/transitions';
import { findRound } from '$lib/server/grants/rounds';
import { applicantDrawNotice } from '$lib/server/grants/draw-view';
import { fundReserves } from '$lib/server/grants/reserve-list';
import type { RequestEvent } from './$types';

/** The member's own application; anyone else's is "not found", never "forbidden". */
async function ownApplication(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const { user } = requireUser(event);
	const application = await findApplicationByReference(user.id, event.params.reference);
	if (!application) error(404, 'Application not found');
	return { user, application };
}

export const load = async (event) => {
	const { application } = await ownApplication(event);
	const read = await readApplication(application, config.grantDataKey.key);
	const request = [...read.history].reverse().find((h) => h.toStatus === 'needs-info');
	const round = await findRound(application.roundId);
	return {
		reference: application.reference,
		status: application.status,
		statusLabel: STATUS_LABELS[application.status],
		awardPence: application.awardPence,
		decisionReason: application.decisionReason,
		paidAt: application.paidAt,
		submittedAt: application.submittedAt,
		request: application.status === 'needs-info' ? (request?.message ?? null) : null,
		canWithdraw: OPEN_STATUSES.includes(application.status),
		drawNotice: round && (await applicantDrawNotice(application, round)),
		answers: read.answers,
		evidence: read.evidence,
		history: read.history,
		sent: event.url.searchParams.get('sent') === '1',
		withdrawn: event.url.searchParams.get('withdrawn') === '1',
		confirmWithdraw: event.url.searchParams.get('withdraw') === '1'
	};
};

export const actions = {
	reply: async (event) => {
		const { user, application } = await ownApplication(event);
		const typed = checkReply({ reply: formText(await readForm(event.request), 'reply') });
		if (!typed.ok) return fail(400, { errors: typed.errors, reply: typed.values.reply });
		const { reply } = typed.data;
		const round = (await findRound(application.roundId))!;
		const sent = await submitApplication(application, round, user, config, { reply });
		if (!sent)
			return fail(409, {
				errors: { reply: 'This application is no longer waiting for an answer.' },
				reply
			});
		redirect(303, `/account/grants/${application.reference}?sent=1`);
	},
	withdraw: async (event) => {
		const { user, application } = await ownApplication(event);
		const done = await withdrawApplication(application, user.id);
		// In a drawn round the money held for this application goes to the next on the reserve list.
		const round = done ? await findRound(application.roundId) : null;
		if (round) await fundReserves(round, config);
		if (!done)
			return fail(409, {
				errors: { withdraw: 'This application can no longer be withdrawn.' },
				reply: ''
			});
		redirect(303, `/account/grants/${application.reference}?withdrawn=1`);
	}
};
