import { json } from '@sveltejs/kit';
import { checkHealth } from '$lib/server/health';

export const GET = async () => {
	const health = await checkHealth();
	const status = !health.ok ? 'unavailable' : health.degraded ? 'degraded' : 'ok';
	return json(
		{ status, ...health },
		{ status: health.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
