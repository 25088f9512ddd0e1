// What an admin sees of the outbox on /admin/outbox, and the one thing they may change: put a
// message that failed back in the queue. The retry is audit-logged with who asked for it.
import { outboxStatuses, type OutboxStatus } from '../db/schema/index.ts';
import { recordAudit } from '../audit.ts';
import {
	listOutboxMessages,
	listSuppressedAddresses,
	readOutboxHealth,
	retryOutboxMessage
} from './outbox.ts';
import { wakeEmailWorker } from './worker.ts';

export const OUTBOX_PAGE_SIZE = 100;
export const RETRYABLE: readonly OutboxStatus[] = ['failed', 'dead'];

export function isOutboxStatus(value: string): value is OutboxStatus {
	return (outboxStatuses as readonly string[]).includes(value);
}

/** Counts by status, the latest messages (of one status, if asked), and addresses not mailed. */
export async function reviewOutbox(status?: OutboxStatus, now = new Date()) {
	const [health, messages, suppressed] = await Promise.all([
		readOutboxHealth(undefined, now),
		listOutboxMessages({ status, limit: OUTBOX_PAGE_SIZE }),
		listSuppressedAddresses()
	]);
	return { health, messages, suppressed };
}

export type Retry = { ok: true } | { ok: false; status: 409; error: string };

export async function retryUndeliveredEmail(
	input: { actorUserId: number; outboxId: number },
	now = new Date()
): Promise<Retry> {
	if (!(await retryOutboxMessage(input.outboxId, undefined, now))) {
		return {
			ok: false,
			status: 409,
			error: 'That message is not failed any more, so there is nothing to retry.'
		};
	}
	await recordAudit(
		{
			actorUserId: input.actorUserId,
			action: 'email-retried',
			subjectType: 'outbox',
			subjectId: input.outboxId
		},
		now
	);
	wakeEmailWorker();
	return { ok: true };
}
