// What the welfare officer's decisions say: the reasons to decline from, the applicant's email
// for each decision, and why a decision could not be made.
import type { GrantApplication, GrantRound } from '../db/schema/index.ts';
import type { Block } from '../email/templates/layout.ts';
import { coolDownPeriod } from '../../grants/cool-down.ts';
import { branchOfficeText } from '../../branch-contact.ts';
import { branchSettingsNow } from '../settings/branch-settings.ts';
import { formatPounds } from './eligibility.ts';
import type { Decision } from './review.ts';

/** The reasons an officer chooses from, worded with the round's own cool-down. */
export function declineReasons(round: Pick<GrantRound, 'coolDownMonths'>) {
	return [
		'Household income is over the limit and no means-tested benefit is received',
		'Household savings are over the limit',
		'Not responsible for the household’s fuel bills',
		'Another member of the household has already had a grant this round',
		`A grant was awarded within the last ${coolDownPeriod(round.coolDownMonths)}`,
		'Not a member in good standing for at least 4 weeks',
		'The information we asked for did not arrive'
	];
}

export function emailBlocks(decision: Decision): Block[] {
	switch (decision.kind) {
		case 'approve':
			return [
				{
					kind: 'paragraph',
					text: `Good news: a welfare officer has approved a grant of ${formatPounds(decision.awardPence)} towards your fuel bills. We will email you again when it has been paid, usually within 10 working days.`
				}
			];
		case 'decline':
			return [
				{
					kind: 'paragraph',
					text: 'We are sorry: a welfare officer has declined your application.'
				},
				{ kind: 'notice', text: decision.reason },
				{
					kind: 'paragraph',
					text: `If you think we have got something wrong, reply to this email or call ${branchOfficeText(branchSettingsNow())} and we will look at it again.`
				}
			];
		case 'request-info':
			return [
				{ kind: 'paragraph', text: 'A welfare officer needs more information before deciding:' },
				{ kind: 'notice', text: decision.message },
				{
					kind: 'paragraph',
					text: 'Answer on your application page. Your application waits until you do.'
				}
			];
		case 'mark-paid':
			return [
				{
					kind: 'paragraph',
					text: `Your grant has been paid. It can take up to 3 working days to reach you. Payment reference: ${decision.paymentReference}.`
				}
			];
	}
}

/** Why a decision could not be made, in words for the officer. */
export function refusal(current: GrantApplication | undefined, decision: Decision): string {
	if (!current) return 'This application no longer exists.';
	if (
		current.status !== 'submitted' &&
		decision.kind === 'approve' &&
		current.status === 'approved'
	)
		return 'Another welfare officer has just approved this application.';
	if (decision.kind === 'approve' && current.status === 'submitted')
		return 'Approving this would take the round over its budget: the money left is less than this award. Reduce the amount or decline.';
	return `This application is now “${current.status}”, so it cannot be changed that way. Reload the page to see its latest state.`;
}
