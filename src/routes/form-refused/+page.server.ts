// The branch's error page for a form refused as cross-site: hooks.server.ts renders this route
// in place of the refused post, so the person sees the desk's own page and a plain reason.
import { error } from '@sveltejs/kit';
import { crossSiteRefusal } from '$lib/server/auth/form-origin';
import { config } from '$lib/server/config';

export const load = () => {
	error(403, crossSiteRefusal(config));
};
