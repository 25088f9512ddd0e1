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
	return { state, application, problem };
}

/** The member's application, only while they may still change it. */
export function editableApplication(context: ApplicantContext) {
	const a = context.application;
	return a && (a.status === 'draft' || a.status === 'needs-info') ? a : null;
}
