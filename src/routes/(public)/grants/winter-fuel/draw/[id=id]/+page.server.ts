import { error } from '@sveltejs/kit';
import { publishedGrantDraw } from '$lib/server/grants/draw-view';

export const load = async ({ params }) => {
	const draw = await publishedGrantDraw(Number(params.id));
	if (!draw) error(404, 'This grant round has no drawn order');
	return { draw };
};
