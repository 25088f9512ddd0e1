import { requireRole } from '$lib/server/kit/guards';
import { summariseStaff } from '$lib/server/auth/roles';
import { readOutboxBacklog } from '$lib/server/email/outbox';

export const load = async (event) => {
	requireRole(event, 'admin');
	const [staff, outbox] = await Promise.all([summariseStaff(), readOutboxBacklog()]);
	return { staff, outbox };
};
