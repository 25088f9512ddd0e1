// The guard every organiser load and action calls: a two-factor organiser or admin, and for an
// event page, someone who manages that event. An event they do not manage answers 404, so the
// desk does not even confirm that it exists.
import { error, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from './guards.ts';
import { findManagedEvent } from '../organiser/access.ts';

type Guarded = Pick<RequestEvent, 'locals' | 'url'>;

export function requireOrganiser(event: Guarded) {
	return requireRole(event, 'organiser', 'admin');
}

export async function managedEventOr404(
	event: Guarded & { params: Partial<Record<string, string>> }
) {
	const viewer = requireOrganiser(event);
	const managed = await findManagedEvent(viewer.user, event.params.id ?? '');
	if (!managed) error(404, 'Event not found');
	return { viewer, managed };
}
