import { requireRole } from '$lib/server/kit/guards';
import { summariseStaff } from '$lib/server/auth/roles';
import { readOutboxBacklog } from '$lib/server/email/outbox';
import { readSetupChecklist } from '$lib/server/setup/setup-checklist';
import { awaitTestEmail, queueTestEmail } from '$lib/server/setup/test-email';

export const load = async (event) => {
	requireRole(event, 'admin');
	const [staff, outbox, checklist] = await Promise.all([
		summariseStaff(),
		readOutboxBacklog(),
		readSetupChecklist()
	]);
	return { staff, outbox, checklist };
};

export const actions = {
	testEmail: async (event) => {
		const { user } = requireRole(event, 'admin');
		await awaitTestEmail(await queueTestEmail(user), 5000);
		return { testEmailSent: true };
	}
};
