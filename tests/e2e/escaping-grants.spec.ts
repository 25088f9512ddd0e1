// A grant application's answers and a welfare officer's question, typed as markup, come out as
// the same text in the officer's and the member's pages and in the email.
import { expect, test } from '@playwright/test';
import { answerUpToEvidence, sendApplication } from './support/grant-application.ts';
import { waitForMail } from './support/mailbox.ts';
import { expectEmailShowsText, MARKUP, visitShowingText } from './support/markup-checks.ts';
import { createMemberInGoodStanding } from './support/members.ts';
import { openE2eDatabase } from './support/server.ts';
import { pageSignedInWith, sessionFor } from './support/sessions.ts';
import { createAccount } from './support/staff.ts';

test('grant answers and a welfare officer’s question show as text, in pages and email', async ({
	browser,
	request
}) => {
	const circumstances = `Boiler broke; ${MARKUP}\nSecond line`;
	const member = await createMemberInGoodStanding(`Grace ${MARKUP}`);
	const token = await sessionFor(member.email);
	await answerUpToEvidence(request, token, { circumstances });
	const reference = await sendApplication(request, token);

	const welfare = await createAccount({
		name: 'Escaping Welfare',
		roles: ['welfare'],
		twoFactor: true
	});
	const officer = await pageSignedInWith(browser, await sessionFor(welfare.email));
	const { client } = openE2eDatabase();
	const id = (
		await client.execute({
			sql: 'select id from grant_applications where reference = ?',
			args: [reference]
		})
	).rows[0].id;
	client.close();
	await visitShowingText(officer, `/organiser/grants/${id}`, [
		`Boiler broke; ${MARKUP}`,
		`Grace ${MARKUP}`
	]);
	await officer.getByLabel('What do you need from the member?').fill(`Send a bill ${MARKUP}`);
	await officer.getByRole('button', { name: 'Send request' }).click();
	await expect(officer.getByRole('status')).toContainText('Your question has been sent');

	const applicant = await pageSignedInWith(browser, token);
	await visitShowingText(applicant, `/account/grants/${reference}`, [
		`Send a bill ${MARKUP}`,
		`Boiler broke; ${MARKUP}`
	]);
	const asked = await waitForMail(request, member.email, 'grant-needs-info', {
		application: reference
	});
	await expectEmailShowsText(browser, asked.html, [`Send a bill ${MARKUP}`, `Grace ${MARKUP}`]);
});
