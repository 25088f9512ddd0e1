import { error, fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guards';
import { outboxStatuses } from '$lib/server/db/schema';
import {
	isOutboxStatus,
	OUTBOX_PAGE_SIZE,
	retryUndeliveredEmail,
	reviewOutbox
} from '$lib/server/email/outbox-review';
import { formId } from '$lib/server/forms';
import { readForm } from '$lib/server/kit/read-form';

export const load = async (event) => {
	requireRole(event, 'admin');
	const status = event.url.searchParams.get('status') || undefined;
	if (status !== undefined && !isOutboxStatus(status)) {
		error(400, `There is no email status called “${status.slice(0, 40)}”.`);
	}
	const { health, messages, suppressed } = await reviewOutbox(status);
	return {
		status: status ?? null,
		statuses: outboxStatuses,
		health,
		messages,
		suppressed,
		pageSize: OUTBOX_PAGE_SIZE
	};
};

export const actions = {
	retry: async (event) => {
		const { user } = requireRole(event, 'admin');
		const form = await readForm(event.request);
		const outboxId = formId(form, 'outboxId');
		if (outboxId === null) {
			return fail(400, { outboxId: null, error: 'Choose a message from the table to retry.' });
		}
		const result = await retryUndeliveredEmail({ actorUserId: user.id, outboxId });
		if (!result.ok) return fail(result.status, { outboxId, error: result.error });
		return { outboxId, notice: `Message ${outboxId} is back in the queue and will be sent again.` };
	}
};
