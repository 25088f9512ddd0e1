// Where a member stands with the current round: may they start, continue or only read about
// their application. The application pages all start from here, so the rules are asked once.
import type { GrantApplication } from '../db/schema/index.ts';
import { memberStanding } from '../members/standing.ts';
import { findApplication } from './applications.ts';
import { currentRound, type RoundState } from './rounds.ts';

export type ApplicantContext = {
	state: RoundState;
	application: GrantApplication | null;
	/** Why this member may not start an application now; null when they may. */
	problem: string | null;
	/** Why this member may not carry on with or submit their application now; null when they may. */
	standingProblem: string | null;
};

export async function applicantContext(
	userId: number,
	now = new Date()
): Promise<ApplicantContext> {
	const [state, standing] = await Promise.all([currentRound(now), memberStanding(userId, now)]);
	const application = state.kind === 'none' ? null : await findApplication(userId, state.round.id);
	let problem: string | null = null;
	if (state.kind === 'none') problem = 'No grant round is open at the moment.';
	else if (!standing.grantEligible) problem = standing.grantProblem;
	else if (state.kind === 'budget-spent' && !application)
		problem = `The ${state.round.name} has awarded its whole budget, so it is not taking new applications.`;
	return {
		state,
		application,
		problem,
		standingProblem: standing.grantEligible ? null : continueProblem(standing.grantProblem!)
	};
}

/**
 * Standing is asked again at every step and at submit, not only at the start: subs can lapse
 * or a membership stop being confirmed while a draft waits.
 */
export function continueProblem(grantProblem: string, applicantName?: string) {
	return applicantName
		? `${applicantName} cannot carry on with this application at the moment. The membership check says: “${grantProblem}” The answers are saved and can be finished once this is sorted out.`
		: `You cannot carry on with this application at the moment. ${grantProblem} Your answers are saved, and you can finish once this is sorted out.`;
}

/** The same check for an application a welfare officer is filling in with the member. */
export async function assistedStandingProblem(
	applicant: { id: number; name: string },
	now = new Date()
) {
	const standing = await memberStanding(applicant.id, now);
	return standing.grantEligible ? null : continueProblem(standing.grantProblem!, applicant.name);
}

/** The member's application, only while they may still change it. */
export function editableApplication(context: ApplicantContext) {
	const a = context.application;
	return a && (a.status === 'draft' || a.status === 'needs-info') ? a : null;
}
