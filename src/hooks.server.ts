import type { Handle, HandleServerError, RequestEvent } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { createPublicPageCache } from '$lib/server/http-cache';

const secureOrigin = config.origin.startsWith('https:');
const publicPages = createPublicPageCache(config.catalogueCacheMs);

function isAnonymousCatalogueRead(event: RequestEvent) {
	return (
		event.request.method === 'GET' &&
		event.route.id?.startsWith('/(public)') === true &&
		!event.request.headers.has('cookie')
	);
}

function withSecurityHeaders(response: Response) {
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	if (secureOrigin) {
		response.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	}
	return response;
}

export const handle: Handle = async ({ event, resolve }) => {
	const render = async () => withSecurityHeaders(await resolve(event));
	return isAnonymousCatalogueRead(event) ? publicPages.respond(event.request, render) : render();
};

export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status >= 500) console.error(error);
	return { message: status >= 500 ? 'Sorry, something went wrong on our side.' : message };
};
