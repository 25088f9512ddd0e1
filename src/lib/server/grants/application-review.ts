// What an application looks like read back: answers in words, bank details masked, evidence and
// history. The member's pages and the welfare officer's review both read it from here.
import type { GrantApplication, GrantRound } from '../db/schema/index.ts';
import { summariseAnswers } from './answer-summary.ts';
import { applicationHistory } from './applications.ts';
import { decryptBankDetails, maskBankDetails } from './bank-details.ts';
import { assessGrantEligibility } from './eligibility.ts';
import { listEvidence } from './evidence.ts';

export function readBankDetails(application: GrantApplication, key: Buffer) {
	if (!application.bankDetailsCiphertext) return null;
	try {
		return maskBankDetails(decryptBankDetails(application.bankDetailsCiphertext, key));
	} catch {
		// A key change leaves old details unreadable: show that plainly rather than fail the page.
		return { accountName: 'Unreadable with the current key', sortCode: '—', accountNumber: '—' };
	}
}

/** Reasons the answers alone suggest the application is unlikely to succeed (flags, not blocks). */
export function answerConcerns(application: GrantApplication, round: GrantRound, now = new Date()) {
	const a = application.answers;
	const result = assessGrantEligibility(
		{
			memberAtLeastFourWeeks: true,
			inGoodStanding: true,
			paysFuelBills: a.paysFuelBills ?? true,
			savingsUnderLimit: a.savingsUnderLimit ?? true,
			monthlyIncomePence: a.monthlyIncomePence ?? null,
			meansTestedBenefit: Boolean(a.meansTestedBenefit),
			lastAwardAt: null,
			householdAlreadyApplied: false
		},
		round,
		now
	);
	return result.eligible ? [] : result.reasons;
}

export async function readApplication(application: GrantApplication, key: Buffer) {
	const bank = readBankDetails(application, key);
	const [evidence, history] = await Promise.all([
		listEvidence(application.id),
		applicationHistory(application.id)
	]);
	return {
		answers: summariseAnswers(application.answers, { bank }),
		evidence,
		history: history.map(({ entry, actorName }) => ({
			id: entry.id,
			kind: entry.kind,
			toStatus: entry.toStatus,
			message: entry.message,
			actorName,
			at: entry.createdAt
		}))
	};
}
