import type { Handle, HandleServerError } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { withCacheValidators } from '$lib/server/http-cache';

const secureOrigin = config.origin.startsWith('https:');

export const handle: Handle = async ({ event, resolve }) => {
	let response = await resolve(event);
	if (event.route.id?.startsWith('/(public)')) {
		response = await withCacheValidators(event.request, response);
	}
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	if (secureOrigin) {
		response.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	}
	return response;
};

export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status >= 500) console.error(error);
	return { message: status >= 500 ? 'Sorry, something went wrong on our side.' : message };
};
