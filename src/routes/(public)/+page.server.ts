import { listHighlights } from '$lib/server/events/catalogue';
import { grantBanner } from '$lib/server/grants/rounds';

export const load = async () => ({
	highlights: await listHighlights(3),
	grantBanner: await grantBanner()
});
