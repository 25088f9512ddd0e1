import { listAttendees } from '$lib/server/organiser/attendees';
import { attendeesCsv } from '$lib/server/organiser/attendees-csv';
import { managedEventOr404 } from '$lib/server/kit/organiser-guard';
import { listEventQuestions } from '$lib/server/booking-questions/questions';

export const GET = async (event) => {
	const { managed } = await managedEventOr404(event);
	const csv = attendeesCsv(await listAttendees(managed.id), await listEventQuestions(managed.id));
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${managed.slug}-attendees.csv"`,
			// Special-category data: never kept by a shared cache or the browser's back button.
			'cache-control': 'private, no-store'
		}
	});
};
