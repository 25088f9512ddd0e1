import { requireUser } from '$lib/server/kit/guards';
import { listMemberApplications } from '$lib/server/grants/applications';
import { STATUS_LABELS } from '$lib/server/grants/transitions';

export const load = async (event) => {
	const { user } = requireUser(event);
	const rows = await listMemberApplications(user.id);
	return {
		applications: rows.map(({ application, roundName }) => ({
			reference: application.reference,
			roundName,
			status: application.status,
			statusLabel: STATUS_LABELS[application.status],
			awardPence: application.awardPence,
			updatedAt: application.updatedAt
		}))
	};
};
