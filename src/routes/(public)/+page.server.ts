import { listHighlights } from '$lib/server/events/catalogue';

export const load = async () => ({ highlights: await listHighlights(3) });
