import { error } from '@sveltejs/kit';
import { publishedBallot } from '$lib/server/ballot/ballot-view';

export const load = async ({ params }) => {
	const ballot = await publishedBallot(params.slug);
	if (!ballot) error(404, 'This event has no ballot');
	return { ballot };
};
