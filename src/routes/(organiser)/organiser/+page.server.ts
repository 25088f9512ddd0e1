import { requireRole } from '$lib/server/kit/guards';
import { welfareSummary } from '$lib/server/grants/rounds';
import { listManagedEvents, waitingListDemand } from '$lib/server/organiser/dashboard';

// Anyone with a staff role lands here; each sees the sections their roles allow.
export const load = async (event) => {
	const { user } = requireRole(event, 'organiser', 'welfare', 'admin');
	const organises = user.roles.includes('organiser') || user.roles.includes('admin');
	return {
		organises,
		events: organises ? await listManagedEvents(user) : [],
		demand: organises ? await waitingListDemand(user) : null,
		welfare: user.roles.includes('welfare') ? await welfareSummary() : null
	};
};
