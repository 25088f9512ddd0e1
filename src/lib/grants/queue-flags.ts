// What the welfare queue flags for a look, named once for the queue, its filters and the
// decision page. Shared by server and pages.
export const QUEUE_FLAGS = {
	income: 'Income over the limit',
	savings: 'Savings over the limit',
	'new-member': 'Member under 4 weeks',
	'no-evidence': 'No evidence',
	household: 'Same household',
	'cool-down': 'Grant in cool-down'
} as const;

export type QueueFlag = keyof typeof QUEUE_FLAGS;
export const queueFlags = Object.keys(QUEUE_FLAGS) as QueueFlag[];

export const QUEUE_SORTS = {
	queue: 'Status, then oldest first',
	flags: 'Most flags first',
	newest: 'Newest first'
} as const;
export type QueueSort = keyof typeof QUEUE_SORTS;
