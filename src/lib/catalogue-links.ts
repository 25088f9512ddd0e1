// Builds /events URLs that keep the visitor's other filters when one of them changes.
import type { EventCategory } from './event-categories.ts';

export type CatalogueFilters = {
	category: EventCategory | null;
	search: string;
	when: 'upcoming' | 'past';
	page?: number;
};

export function catalogueHref(current: CatalogueFilters, changes: Partial<CatalogueFilters> = {}) {
	const { category, search, when, page } = { ...current, page: 1, ...changes };
	const params = new URLSearchParams();
	if (category) params.set('category', category);
	if (search) params.set('q', search);
	if (when === 'past') params.set('when', 'past');
	if (page && page > 1) params.set('page', String(page));
	const query = params.toString();
	return query ? `/events?${query}` : '/events';
}
