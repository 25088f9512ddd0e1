import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { assertSafeToServe, config } from '$lib/server/config';
import { client } from '$lib/server/db';
import { migrateDatabase } from '$lib/server/db/migrate';
import { createPublicPageCache } from '$lib/server/http-cache';
import { validateSessionToken } from '$lib/server/auth/session';
import {
	deleteSessionCookie,
	SESSION_COOKIE,
	setSessionCookie
} from '$lib/server/auth/session-cookie';
import { startBackgroundJobs } from '$lib/server/jobs/background';

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
	if (!response.headers.has('referrer-policy')) {
		response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	}
	if (secureOrigin) {
		response.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	}
	return response;
}

export const init: ServerInit = async () => {
	if (building) return;
	assertSafeToServe(config);
	await migrateDatabase(client);
	if (config.workers === 'on') startBackgroundJobs(config);
};

async function loadViewer(event: RequestEvent) {
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token) return null;
	const validated = await validateSessionToken(token);
	if (!validated) {
		deleteSessionCookie(event.cookies);
		return null;
	}
	setSessionCookie(event.cookies, token, validated.expiresAt);
	return { user: validated.user, session: validated.session };
}

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.viewer = isAnonymousCatalogueRead(event) ? null : await loadViewer(event);
	const render = async () => withSecurityHeaders(await resolve(event));
	return isAnonymousCatalogueRead(event) ? publicPages.respond(event.request, render) : render();
};

export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status >= 500) console.error(error);
	return { message: status >= 500 ? 'Sorry, something went wrong on our side.' : message };
};
