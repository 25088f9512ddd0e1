import { json } from '@sveltejs/kit';
import { checkHealth } from '$lib/server/health';

export const GET = async () => {
	const health = await checkHealth();
	return json(
		{ status: health.ok ? 'ok' : 'unavailable', ...health },
		{ status: health.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
