import { error } from '@sveltejs/kit';
import { loadCourseDocument } from '$lib/server/bookings/course-documents';
import { managedEventOr404 } from '$lib/server/kit/organiser-guard';

export const load = async (event) => {
	const { managed } = await managedEventOr404(event);
	const document = await loadCourseDocument(event.params.uid ?? '', { eventId: managed.id });
	if (!document) error(404, 'There is no confirmed course place with a release letter here');
	return { document, back: `/organiser/events/${managed.id}/attendees` };
};
