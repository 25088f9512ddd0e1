// The welfare officer's decision forms on an application (approve, decline, ask for more
// information, mark paid), each a Valibot schema with its GOV.UK messages, turned into the
// decision review.ts makes when all is well.
import * as v from 'valibot';
import { parsePounds } from '../../money.ts';
import { parseIsoDate } from '../../plain-date.ts';
import type { GrantRound } from '../db/schema/index.ts';
import { acrossFields, checkForm, requiredText } from '../form-schema.ts';
import { declineReasons } from './decision-words.ts';
import type { Decision } from './review.ts';

export const DECISION_FIELDS = [
	'award',
	'reason',
	'reasonDetail',
	'message',
	'paidOn',
	'paymentReference'
] as const;
export type DecisionValues = Record<(typeof DECISION_FIELDS)[number], string>;

const APPROVE = v.pipe(
	v.object({
		award: v.pipe(
			v.string(),
			v.transform(parsePounds),
			v.check((pence) => pence !== null && pence > 0, 'Enter the award in pounds, like 100')
		)
	}),
	v.transform((f): Decision => ({ kind: 'approve', awardPence: f.award! }))
);

/** The explanation is checked only once a reason is chosen, so one message shows at a time. */
const decline = (round: Pick<GrantRound, 'coolDownMonths'>) =>
	v.pipe(
		v.object({
			reason: v.picklist(declineReasons(round), 'Choose the reason for declining'),
			reasonDetail: v.string()
		}),
		acrossFields<{ reason: string; reasonDetail: string }>(
			['reasonDetail', 'reason'],
			(f) => f.reasonDetail.length <= 1000,
			'Keep the explanation to 1,000 characters or fewer'
		),
		v.transform((f): Decision => ({
			kind: 'decline',
			reason: f.reasonDetail ? `${f.reason}. ${f.reasonDetail}` : f.reason
		}))
	);

const REQUEST_INFO = v.pipe(
	v.object({
		message: requiredText(
			'Enter what you need the member to tell you',
			2000,
			'Keep the message to 2,000 characters or fewer'
		)
	}),
	v.transform((f): Decision => ({ kind: 'request-info', message: f.message }))
);

const MARK_PAID = v.pipe(
	v.object({
		paidOn: v.pipe(
			v.string(),
			v.check((date) => parseIsoDate(date) !== null, 'Enter the date it was paid, like 2026-12-01')
		),
		paymentReference: requiredText(
			'Enter the payment reference',
			60,
			'Payment reference must be 60 characters or fewer'
		)
	}),
	v.transform((f): Decision => ({
		kind: 'mark-paid',
		paidOn: new Date(`${f.paidOn}T12:00:00Z`),
		paymentReference: f.paymentReference
	}))
);

export type DecisionForm = 'approve' | 'decline' | 'requestInfo' | 'markPaid';

/** The officer's decision as typed into one of the forms, or a message by the field to fix. */
export function readDecision(
	form: DecisionForm,
	values: DecisionValues,
	round: Pick<GrantRound, 'coolDownMonths'>
): { decision: Decision } | { errors: Record<string, string> } {
	const schemas = { approve: APPROVE, requestInfo: REQUEST_INFO, markPaid: MARK_PAID };
	const checked = checkForm(form === 'decline' ? decline(round) : schemas[form], values);
	return checked.ok ? { decision: checked.data } : { errors: checked.errors };
}
