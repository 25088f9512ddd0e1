// Which status an application may move to from which, and who moves it. The table is the single
// source: the domain functions check it before writing, and each write also guards on the old
// status in SQL so that two people acting at once cannot both move it.
import type { GrantStatus } from '../db/schema/grants.ts';

export type GrantActor = 'member' | 'welfare';

type Transition = { from: GrantStatus; to: GrantStatus; by: GrantActor };

export const GRANT_TRANSITIONS: readonly Transition[] = [
	{ from: 'draft', to: 'submitted', by: 'member' },
	{ from: 'draft', to: 'withdrawn', by: 'member' },
	{ from: 'submitted', to: 'withdrawn', by: 'member' },
	{ from: 'needs-info', to: 'submitted', by: 'member' },
	{ from: 'needs-info', to: 'withdrawn', by: 'member' },
	{ from: 'submitted', to: 'needs-info', by: 'welfare' },
	{ from: 'submitted', to: 'approved', by: 'welfare' },
	{ from: 'submitted', to: 'declined', by: 'welfare' },
	{ from: 'needs-info', to: 'declined', by: 'welfare' },
	{ from: 'approved', to: 'paid', by: 'welfare' }
];

export function canTransition(from: GrantStatus, to: GrantStatus, by: GrantActor) {
	return GRANT_TRANSITIONS.some((t) => t.from === from && t.to === to && t.by === by);
}

/** Statuses a member may still change (answer, withdraw). */
export const OPEN_STATUSES: readonly GrantStatus[] = ['draft', 'submitted', 'needs-info'];

/** Statuses whose award counts against the round's budget. */
export const COMMITTED_STATUSES: readonly GrantStatus[] = ['approved', 'paid'];

export const STATUS_LABELS: Record<GrantStatus, string> = {
	draft: 'Draft — not sent yet',
	submitted: 'Submitted — waiting for a welfare officer',
	'needs-info': 'More information needed',
	approved: 'Approved',
	declined: 'Declined',
	paid: 'Paid',
	withdrawn: 'Withdrawn'
};

/** The same statuses as the welfare officers' queue names them: what they need to do. */
export const STAFF_STATUS_LABELS: Record<GrantStatus, string> = {
	draft: 'Draft',
	submitted: 'To review',
	'needs-info': 'Waiting for the member',
	approved: 'Approved, to pay',
	declined: 'Declined',
	paid: 'Paid',
	withdrawn: 'Withdrawn'
};
