import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/kit/guards';
import { loadCourseDocument } from '$lib/server/bookings/course-documents';

export const load = async (event) => {
	const { user } = requireUser(event);
	const document = await loadCourseDocument(event.params.uid, { userId: user.id });
	if (!document) error(404, 'There is no confirmed course place with a release letter here');
	return { document, back: '/account/bookings' };
};
