// The application's question pages and Check your answers, shared by the member applying for
// themselves (/grants/winter-fuel/apply) and a welfare officer filling it in with them
// (/organiser/grants/assist/[reference]). Each route guards and finds the application first;
// these functions only read the form, call the domain and answer.
import { fail, redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { formId, formText } from '$lib/server/forms';
import { readForm } from '$lib/server/kit/read-form';
import type { GrantApplication, GrantRound } from '$lib/server/db/schema';
import { answerConcerns, readApplication } from '$lib/server/grants/application-review';
import {
	APPLICATION_STEPS,
	firstUnansweredStep,
	MEANS_TESTED_BENEFITS,
	nextStep,
	PAYMENT_TYPES,
	previousStep,
	readStep,
	stepValues,
	type StepSlug
} from '$lib/server/grants/application-steps';
import { saveAnswers, saveBankDetails, submitApplication } from '$lib/server/grants/applications';
import { checkBankDetails } from '$lib/server/grants/bank-details';
import { addEvidence, listEvidence, removeEvidence } from '$lib/server/grants/evidence';
import { MAX_EVIDENCE_FILES } from '$lib/server/grants/evidence-file';
import { readEvidenceForm } from '$lib/server/grants/evidence-upload';
import { CIRCUMSTANCES_MAX } from '$lib/server/grants/application-step-readers';
import { currentRound } from '$lib/server/grants/rounds';
import type { ApplicationLinks } from '../../grants/application-links';

const FIELDS = [
	'addressLine1',
	'addressLine2',
	'town',
	'postcode',
	'adults',
	'children',
	'paysFuelBills',
	'supplier',
	'paymentType',
	'monthlyIncome',
	'meansTestedBenefit',
	'savingsUnderLimit',
	'previousAward',
	'circumstances',
	'payoutMethod',
	'supplierAccountReference',
	'accountName',
	'sortCode',
	'accountNumber'
];

type Event = { request: Request; url: URL };

/** Why the applicant may not carry on now (their standing changed), or null. */
type Blocked = string | null;

// The page itself says why (`blocked`, at its top); the error summary and field say what happened.
export const NOT_SAVED =
	'Nothing was saved: the membership check stops this application going further at the moment';
export const NOT_SENT =
	'The application was not sent: the membership check stops it going further at the moment';

/** The draft a question page works on, as its route found and guarded it. */
export type StepDraft = {
	slug: StepSlug;
	application: GrantApplication;
	round: GrantRound;
	links: ApplicationLinks;
	blocked: Blocked;
};

export async function loadStep({ application, round, slug, links, blocked }: StepDraft) {
	const index = APPLICATION_STEPS.findIndex((s) => s.slug === slug);
	const back = previousStep(slug);
	return {
		links,
		step: { slug, title: APPLICATION_STEPS[index].title, number: index + 1 },
		stepCount: APPLICATION_STEPS.length,
		back: back ? `${links.base}/${back}` : links.start,
		values: stepValues(slug, application.answers),
		reference: application.reference,
		blocked,
		hasBankDetails: Boolean(application.bankDetailsCiphertext),
		evidence: slug === 'evidence' ? await listEvidence(application.id) : [],
		maxEvidenceFiles: MAX_EVIDENCE_FILES,
		circumstancesMax: CIRCUMSTANCES_MAX,
		benefits: [...MEANS_TESTED_BENEFITS],
		paymentTypes: Object.entries(PAYMENT_TYPES).map(([value, label]) => ({ value, label })),
		rules: {
			savingsLimitPence: round.savingsLimitPence,
			coolDownMonths: round.coolDownMonths
		}
	};
}

export async function saveStep(event: Event, { application, slug, links, blocked }: StepDraft) {
	const form = await readForm(event.request);
	const fields = Object.fromEntries(FIELDS.map((name) => [name, formText(form, name)]));
	if (blocked) return fail(403, { errors: { standing: NOT_SAVED }, values: fields });
	const result = readStep(slug, fields);
	if (!result.ok) return fail(400, { errors: result.errors, values: result.values });
	if (slug === 'payment' && result.answers.payoutMethod === 'bank') {
		const bank = checkBankDetails({
			accountName: fields.accountName,
			sortCode: fields.sortCode,
			accountNumber: fields.accountNumber
		});
		if (!bank.ok)
			return fail(400, { errors: bank.errors as Record<string, string>, values: fields });
		await saveBankDetails(application, bank.details, config.grantDataKey.key);
	} else {
		await saveAnswers(application, result.answers);
	}
	const next = event.url.searchParams.get('return') === 'check' ? 'check' : nextStep(slug);
	redirect(303, `${links.base}/${next}`);
}

export async function uploadEvidence(
	event: Event,
	{ application, blocked }: Pick<StepDraft, 'application' | 'blocked'>
) {
	if (blocked) return fail(403, { errors: { standing: NOT_SAVED }, values: {} });
	const upload = await readEvidenceForm(event.request, 'evidence', config.bodySizeLimit);
	if (!upload.ok) return fail(upload.status, { errors: { evidence: upload.error }, values: {} });
	const added = await addEvidence(application, upload.file);
	if (!added.ok) return fail(400, { errors: { evidence: added.error }, values: {} });
	return { uploaded: upload.file.name };
}

export async function removeEvidenceFile(
	event: Event,
	{ application, blocked }: Pick<StepDraft, 'application' | 'blocked'>
) {
	if (blocked) return fail(403, { errors: { standing: NOT_SAVED }, values: {} });
	const evidenceId = formId(await readForm(event.request), 'evidenceId');
	const removed = evidenceId !== null && (await removeEvidence(application, evidenceId));
	if (!removed) {
		return fail(404, {
			errors: { evidence: 'That file is no longer on this application. The list shows what is.' },
			values: {}
		});
	}
	return { removed: true };
}

export async function loadCheck(
	application: GrantApplication,
	round: GrantRound,
	links: ApplicationLinks,
	blocked: Blocked
) {
	const read = await readApplication(application, config.grantDataKey.key);
	const missing = firstUnansweredStep(application.answers);
	return {
		links,
		reference: application.reference,
		blocked,
		answers: read.answers,
		evidence: read.evidence,
		missing: missing === 'check' ? null : APPLICATION_STEPS.find((s) => s.slug === missing)!,
		concerns: answerConcerns(application, round)
	};
}

export async function submitFromCheck(
	event: Event,
	application: GrantApplication,
	round: GrantRound,
	applicant: { id: number; email: string; name: string },
	done: string,
	blocked: Blocked,
	officerId?: number
) {
	const form = await readForm(event.request);
	if (blocked) return fail(403, { errors: { declaration: NOT_SENT } });
	if (firstUnansweredStep(application.answers) !== 'check') {
		return fail(400, { errors: { declaration: 'Answer every question before you submit' } });
	}
	const state = await currentRound();
	if (application.status === 'draft' && (state.kind !== 'open' || state.round.id !== round.id)) {
		return fail(409, {
			errors: {
				declaration: `The ${round.name} is no longer taking applications: its budget has been given out or it has closed.`
			}
		});
	}
	if (formText(form, 'declaration') !== 'yes') {
		return fail(400, { errors: { declaration: 'Confirm that the answers are true and complete' } });
	}
	const copy = application.assistedBy
		? (await readApplication(application, config.grantDataKey.key)).answers
		: undefined;
	const sent = await submitApplication(application, round, applicant, config, { copy, officerId });
	if (!sent) {
		return fail(409, {
			errors: { declaration: 'This application has already been sent.' }
		});
	}
	redirect(303, done);
}
