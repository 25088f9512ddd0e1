// A member's way through the winter fuel grant application, posted page by page as the forms
// post it, for specs about what happens to the answers rather than about the pages.
import { expect, type APIRequestContext } from '@playwright/test';
import { postForm } from './form-body.ts';

const STEPS_BEFORE_EVIDENCE: [step: string, fields: Record<string, string>][] = [
	[
		'household',
		{
			addressLine1: '12 Acacia Road',
			town: 'Birmingham',
			postcode: 'B15 2TT',
			adults: '1',
			children: '0'
		}
	],
	['fuel-bills', { paysFuelBills: 'yes' }],
	['supplier', { supplier: 'Octopus Energy', paymentType: 'prepayment' }],
	['income', { meansTestedBenefit: 'Universal Credit' }],
	['savings', { savingsUnderLimit: 'yes' }],
	['previous-awards', { previousAward: 'no' }],
	['circumstances', { circumstances: 'My hours were cut in October.' }]
];

async function expectSent(response: Awaited<ReturnType<typeof postForm>>, step: string) {
	expect(response.status(), `${step}: ${response.headers()['location'] ?? ''}`).toBe(303);
	return response.headers()['location'] ?? '';
}

/** Starts the member's application and answers every question before the evidence page. */
export async function answerUpToEvidence(
	request: APIRequestContext,
	token: string,
	answers: Record<string, string> = {}
) {
	await expectSent(await postForm(request, '/grants/winter-fuel?/start', {}, token), 'start');
	for (const [step, fields] of STEPS_BEFORE_EVIDENCE) {
		const own = Object.fromEntries(
			Object.keys(fields).map((name) => [name, answers[name] ?? fields[name]])
		);
		const path = `/grants/winter-fuel/apply/${step}?/save`;
		await expectSent(await postForm(request, path, own, token), step);
	}
}

/** Passes the evidence page, asks to be paid to the supplier and sends the application. */
export async function sendApplication(request: APIRequestContext, token: string) {
	const apply = (step: string, fields: Record<string, string>) =>
		postForm(request, `/grants/winter-fuel/apply/${step}?/save`, fields, token);
	await expectSent(await apply('evidence', {}), 'evidence');
	await expectSent(
		await apply('payment', { payoutMethod: 'supplier', supplierAccountReference: 'A-123456' }),
		'payment'
	);
	const sent = await postForm(
		request,
		'/grants/winter-fuel/apply/check?/submit',
		{ declaration: 'yes' },
		token
	);
	return /WFG-[A-Z0-9]+/.exec(await expectSent(sent, 'submit'))![0];
}
