import { managedEventOr404 } from '$lib/server/kit/organiser-guard';

export const load = async (event) => {
	const { managed } = await managedEventOr404(event);
	return {
		door: {
			eventId: managed.id,
			title: managed.title,
			api: `/organiser/events/${managed.id}/door/roster`,
			back: `/organiser/events/${managed.id}/attendees`
		}
	};
};
