import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/kit/guards';
import { formText } from '$lib/server/forms';
import { readForm } from '$lib/server/kit/read-form';
import { applicantContext } from '$lib/server/grants/applicant';
import { startApplication } from '$lib/server/grants/applications';
import { firstUnansweredStep } from '$lib/server/grants/application-steps';
import { checkerQuestions, runChecker, USUAL_RULES } from '$lib/server/grants/checker';
import { currentRound, nextRound } from '$lib/server/grants/rounds';

export const load = async ({ locals }) => {
	const state = await currentRound();
	const upcoming = await nextRound();
	const rules = state.kind === 'none' ? (upcoming ?? USUAL_RULES) : state.round;
	const applicant = locals.viewer ? await applicantContext(locals.viewer.user.id) : null;
	return {
		round:
			state.kind === 'none'
				? null
				: {
						name: state.round.name,
						closesAt: state.round.closesAt,
						standardAwardPence: state.round.standardAwardPence,
						budgetSpent: state.kind === 'budget-spent'
					},
		upcoming: upcoming && { name: upcoming.name, opensAt: upcoming.opensAt },
		rules: {
			incomeThresholdPence: rules.incomeThresholdPence,
			savingsLimitPence: rules.savingsLimitPence,
			coolDownMonths: rules.coolDownMonths
		},
		questions: checkerQuestions(rules),
		signedIn: Boolean(locals.viewer),
		applicant: applicant && {
			problem: applicant.problem,
			application: applicant.application && {
				reference: applicant.application.reference,
				status: applicant.application.status
			}
		}
	};
};

export const actions = {
	check: async ({ request }) => {
		const form = await readForm(request);
		const state = await currentRound();
		const rules = state.kind === 'none' ? ((await nextRound()) ?? USUAL_RULES) : state.round;
		const fields = Object.fromEntries(
			checkerQuestions(rules).map((q) => [q.name, formText(form, q.name)])
		);
		const result = runChecker(fields, rules, new Date());
		if (!result.ok) return fail(400, { checker: result });
		return { checker: { ok: true as const, values: fields, eligibility: result.eligibility } };
	},
	start: async (event) => {
		const { user } = requireUser(event);
		const context = await applicantContext(user.id);
		if (context.problem || context.state.kind === 'none') {
			return fail(403, {
				startProblem: context.problem ?? 'No grant round is open at the moment.'
			});
		}
		const application =
			context.application ?? (await startApplication(user.id, context.state.round.id));
		if (application.status !== 'draft' && application.status !== 'needs-info') {
			redirect(303, `/account/grants/${application.reference}`);
		}
		redirect(303, `/grants/winter-fuel/apply/${firstUnansweredStep(application.answers)}`);
	}
};
