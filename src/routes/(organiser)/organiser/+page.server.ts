import { requireRole } from '$lib/server/kit/guards';
import { welfareSummary } from '$lib/server/grants/rounds';
import { listManagedEvents, waitingListDemand } from '$lib/server/organiser/dashboard';
import {
	attendanceByKind,
	firstStepsLeft,
	listPastEvents
} from '$lib/server/organiser/past-events';

// Anyone with a staff role lands here; each sees the sections their roles allow.
export const load = async (event) => {
	const { user } = requireRole(event, 'organiser', 'welfare', 'admin');
	const organises = user.roles.includes('organiser') || user.roles.includes('admin');
	const past = organises ? await listPastEvents(user) : [];
	return {
		isAdmin: user.roles.includes('admin'),
		firstSteps: organises ? await firstStepsLeft(user) : null,
		past,
		pastByKind: attendanceByKind(past),
		organises,
		events: organises ? await listManagedEvents(user) : [],
		demand: organises ? await waitingListDemand(user) : null,
		welfare: user.roles.includes('welfare') ? await welfareSummary() : null
	};
};
