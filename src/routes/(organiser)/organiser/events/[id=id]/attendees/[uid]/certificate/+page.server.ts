import { error } from '@sveltejs/kit';
import { loadCourseDocument } from '$lib/server/bookings/course-documents';
import { managedEventOr404 } from '$lib/server/kit/organiser-guard';

export const load = async (event) => {
	const { managed } = await managedEventOr404(event);
	const document = await loadCourseDocument(event.params.uid ?? '', { eventId: managed.id });
	if (!document?.checkedInAt) error(404, 'A certificate is ready once the member is checked in');
	return { document, back: `/organiser/events/${managed.id}/attendees` };
};
