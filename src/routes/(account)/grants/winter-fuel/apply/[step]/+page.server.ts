import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { config } from '$lib/server/config';
import { formText } from '$lib/server/forms';
import { applicantContext, editableApplication } from '$lib/server/grants/applicant';
import {
	APPLICATION_STEPS,
	isStepSlug,
	MEANS_TESTED_BENEFITS,
	nextStep,
	PAYMENT_TYPES,
	previousStep,
	readStep,
	stepValues,
	type StepSlug
} from '$lib/server/grants/application-steps';
import { saveAnswers, saveBankDetails } from '$lib/server/grants/applications';
import { checkBankDetails } from '$lib/server/grants/bank-details';
import { addEvidence, listEvidence, removeEvidence } from '$lib/server/grants/evidence';
import { readEvidenceForm } from '$lib/server/grants/evidence-upload';
import type { RequestEvent } from './$types';

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

async function draftFor(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const { user } = requireUser(event);
	const slug = event.params.step;
	if (!isStepSlug(slug)) error(404, 'Page not found');
	const context = await applicantContext(user.id);
	const application = editableApplication(context);
	if (!application || context.state.kind === 'none') redirect(303, '/grants/winter-fuel');
	return { user, slug, application, round: context.state.round };
}

export const load = async (event) => {
	const { slug, application, round } = await draftFor(event);
	const index = APPLICATION_STEPS.findIndex((s) => s.slug === slug);
	const back = previousStep(slug);
	return {
		step: { slug, title: APPLICATION_STEPS[index].title, number: index + 1 },
		stepCount: APPLICATION_STEPS.length,
		back: back ? `/grants/winter-fuel/apply/${back}` : '/grants/winter-fuel',
		values: stepValues(slug, application.answers),
		reference: application.reference,
		needsInfo: application.status === 'needs-info',
		hasBankDetails: Boolean(application.bankDetailsCiphertext),
		evidence: slug === 'evidence' ? await listEvidence(application.id) : [],
		benefits: [...MEANS_TESTED_BENEFITS],
		paymentTypes: Object.entries(PAYMENT_TYPES).map(([value, label]) => ({ value, label })),
		rules: {
			savingsLimitPence: round.savingsLimitPence,
			incomeThresholdPence: round.incomeThresholdPence,
			coolDownMonths: round.coolDownMonths
		}
	};
};

function continueTo(slug: StepSlug, url: URL) {
	const next = url.searchParams.get('return') === 'check' ? 'check' : nextStep(slug);
	redirect(303, `/grants/winter-fuel/apply/${next}`);
}

export const actions = {
	save: async (event) => {
		const { slug, application } = await draftFor(event);
		const form = await event.request.formData();
		const fields = Object.fromEntries(FIELDS.map((name) => [name, formText(form, name)]));
		const result = readStep(slug, fields);
		if (!result.ok) return fail(400, { errors: result.errors, values: result.values });
		if (slug === 'payment' && result.answers.payoutMethod === 'bank') {
			const bank = checkBankDetails({
				accountName: fields.accountName,
				sortCode: fields.sortCode,
				accountNumber: fields.accountNumber
			});
			if (!bank.ok) {
				return fail(400, { errors: bank.errors as Record<string, string>, values: fields });
			}
			await saveBankDetails(application, bank.details, config.grantDataKey.key);
		} else {
			await saveAnswers(application, result.answers);
		}
		continueTo(slug, event.url);
	},
	upload: async (event) => {
		const { application } = await draftFor(event);
		const upload = await readEvidenceForm(event.request, 'evidence', config.bodySizeLimit);
		if (!upload.ok) return fail(upload.status, { errors: { evidence: upload.error }, values: {} });
		const added = await addEvidence(application, upload.file);
		if (!added.ok) return fail(400, { errors: { evidence: added.error }, values: {} });
		return { uploaded: upload.file.name };
	},
	remove: async (event) => {
		const { application } = await draftFor(event);
		const form = await event.request.formData();
		await removeEvidence(application, Number(formText(form, 'evidenceId')));
		return { removed: true };
	}
};
