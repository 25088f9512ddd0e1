import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/kit/guards';
import { loadCourseDocument } from '$lib/server/bookings/course-documents';

export const load = async (event) => {
	const { user } = requireUser(event);
	const document = await loadCourseDocument(event.params.uid, { userId: user.id });
	if (!document?.checkedInAt) error(404, 'A certificate is ready once you have been checked in');
	return { document, back: '/account/bookings' };
};
