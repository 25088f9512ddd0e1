import { eventBallotView } from '$lib/server/ballot/ballot-view';
import { describeAvailability } from '$lib/server/events/availability';
import { loadEventSessions } from '$lib/server/organiser/event-editor';
import { managedEventOr404 } from '$lib/server/kit/organiser-guard';

// A draft as members will see it once published; only its organisers (and admins) reach here.
export const load = async (event) => {
	const { managed } = await managedEventOr404(event);
	const sessions = await loadEventSessions(managed.id);
	return {
		event: managed,
		sessions,
		availability: describeAvailability({
			booking: managed.booking,
			capacity: managed.capacity,
			placesTaken: 0,
			waiting: 0
		}),
		member: null,
		ballot: await eventBallotView(managed, sessions[0]?.startsAt ?? null, null),
		withdrawn: null
	};
};
