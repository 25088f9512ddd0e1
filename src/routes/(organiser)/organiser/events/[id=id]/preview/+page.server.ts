import { describeAvailability } from '$lib/server/events/availability';
import { sessionsOfEvent } from '$lib/server/events/sessions';
import { managedEventOr404 } from '$lib/server/kit/organiser-guard';

// A draft as members will see it once published; only its organisers (and admins) reach here.
export const load = async (event) => {
	const { managed } = await managedEventOr404(event);
	return {
		event: managed,
		sessions: await sessionsOfEvent(managed.id),
		availability: describeAvailability({
			booking: managed.booking,
			capacity: managed.capacity,
			placesTaken: 0,
			waiting: 0
		}),
		member: null
	};
};
