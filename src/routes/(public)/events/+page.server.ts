import { isEventCategory } from '$lib/event-categories';
import { listEvents } from '$lib/server/events/catalogue';
import { ballotLinesFor } from '$lib/server/ballot/ballot-view';

export const load = async ({ url }) => {
	const category = url.searchParams.get('category');
	const search = url.searchParams.get('q')?.trim() ?? '';
	const when: 'upcoming' | 'past' = url.searchParams.get('when') === 'past' ? 'past' : 'upcoming';
	const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
	const result = await listEvents({
		category: isEventCategory(category) ? category : null,
		search,
		when,
		page: Number.isFinite(page) ? page : 1
	});
	return {
		...result,
		ballotLines: await ballotLinesFor(result.events.map((e) => e.slug)),
		filters: { category: isEventCategory(category) ? category : null, search, when }
	};
};
