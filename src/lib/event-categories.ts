// The four kinds of branch event, with the words members see for them.

export const eventCategories = [
	'celebration',
	'day-of-action',
	'fuel-grant-session',
	'course'
] as const;
export type EventCategory = (typeof eventCategories)[number];

export const categoryLabels: Record<EventCategory, string> = {
	celebration: 'Celebration',
	'day-of-action': 'Day of action',
	'fuel-grant-session': 'Fuel grant help session',
	course: 'Training course'
};

/** Plural headings for the home page and filters. */
export const categoryHeadings: Record<EventCategory, string> = {
	celebration: 'Celebrations',
	'day-of-action': 'Days of action',
	'fuel-grant-session': 'Winter fuel grant help sessions',
	course: 'Training courses'
};

export function isEventCategory(value: unknown): value is EventCategory {
	return typeof value === 'string' && (eventCategories as readonly string[]).includes(value);
}
