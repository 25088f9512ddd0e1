import { accessNeedsText } from '$lib/server/organiser/attendees-csv';
import { groupAttendees, listAttendees } from '$lib/server/organiser/attendees';
import { sessionsOfEvent } from '$lib/server/events/sessions';
import { managedEventOr404 } from '$lib/server/kit/organiser-guard';
import { sessionsAttended } from '$lib/server/door/check-ins';

export const load = async (event) => {
	const { managed } = await managedEventOr404(event);
	const { confirmed } = groupAttendees(await listAttendees(managed.id));
	const attended = await sessionsAttended(managed.id);
	return {
		event: managed,
		sessions: await sessionsOfEvent(managed.id),
		people: confirmed.map((a) => ({
			uid: a.uid,
			name: a.name,
			membershipNumber: a.membershipNumber,
			guests: a.guests,
			access: accessNeedsText(a.answers),
			attended: attended.get(a.uid) ?? []
		}))
	};
};
