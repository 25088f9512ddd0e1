import { error } from '@sveltejs/kit';
import { exportAccountData } from '$lib/server/account/data-export';
import { requireUser } from '$lib/server/kit/guards';
import { londonDate } from '$lib/plain-date';

export const GET = async (event) => {
	const { user } = requireUser(event);
	const now = new Date();
	const data = await exportAccountData(user.id, now);
	if (!data) error(404, 'Not found');
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="my-branch-data-${londonDate(now)}.json"`,
			'cache-control': 'no-store'
		}
	});
};
