// The hook's half of the cross-site form check (the rule is auth/form-origin.ts): a refused post
// never reaches its action, and gets a 403 with the branch's own error page.
import { json, type RequestEvent } from '@sveltejs/kit';
import { crossSiteRefusal, isFormPostAllowed } from '../auth/form-origin.ts';
import { config } from '../config.ts';
import { log } from '../log.ts';

const REFUSED_PAGE = '/form-refused';

/** null when the request may go on; otherwise the response that refuses it. */
export async function refuseCrossSiteForm(event: RequestEvent): Promise<Response | null> {
	const { request } = event;
	const post = {
		method: request.method,
		contentType: request.headers.get('content-type'),
		origin: request.headers.get('origin')
	};
	if (isFormPostAllowed(post, request.headers.get('host'), config)) return null;
	log.warn('cross-site-form-refused', {
		requestId: event.locals.requestId,
		route: event.route.id,
		originSent: post.origin !== null
	});
	if (request.headers.get('accept') === 'application/json') {
		return json({ message: crossSiteRefusal(config) }, { status: 403 });
	}
	// Rendered as a page of its own, so the error page comes inside the branch's layout.
	const page = await event.fetch(REFUSED_PAGE, { headers: { accept: 'text/html' } });
	return new Response(page.body, { status: 403, headers: page.headers });
}
