// Every request's way in and out: cross-site forms refused, who is signed in, the public page
// cache, security headers, one log line per request, and errors turned into pages that say what
// to do next.
import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { assertSafeToServe, config, exitOnConfigError } from '$lib/server/config';
import { client } from '$lib/server/db';
import { migrateDatabase } from '$lib/server/db/migrate';
import {
	createPublicPageCache,
	dependsOnViewer,
	keepPrivate,
	withoutRevalidation
} from '$lib/server/http-cache';
import { validateSessionToken } from '$lib/server/auth/session';
import {
	deleteSessionCookie,
	SESSION_COOKIE,
	setSessionCookie
} from '$lib/server/kit/session-cookie';
import { allowEmailPreviewStyles } from '$lib/server/kit/email-preview-csp';
import { refuseCrossSiteForm } from '$lib/server/kit/cross-site-forms';
import { startBackgroundJobs } from '$lib/server/jobs/background';
import { isConnectionReopened, isDatabaseBusy } from '$lib/server/db/busy';
import { describeError, log } from '$lib/server/log';
import { readBranchSettings } from '$lib/server/settings/branch-settings';
import { logRequest, requestIdFor } from '$lib/server/request-log';

const secureOrigin = config.origin.startsWith('https:');
const publicPages = createPublicPageCache(config.catalogueCacheMs);

const BUSY_MESSAGE = 'The desk is busy — please try again in a moment.';
// A lock held past the busy timeout belongs to a long write: one more wait as long usually clears it.
const RETRY_AFTER_SECONDS = String(Math.max(1, Math.ceil(config.databaseBusyTimeoutMs / 1000)));

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
	exitOnConfigError(() => assertSafeToServe(config));
	await migrateDatabase(client);
	if (config.workers === 'on') {
		const jobs = startBackgroundJobs(config);
		// adapter-node stops serving on SIGTERM or SIGINT and then emits this; the jobs' timers
		// would otherwise keep the process alive, working, after it stopped answering.
		process.once('sveltekit:shutdown', () => void jobs.stop());
	}
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

function respond(event: RequestEvent, resolve: Parameters<Handle>[0]['resolve']) {
	const render = async () =>
		withSecurityHeaders(allowEmailPreviewStyles(event.route.id, await resolve(event)));
	if (isAnonymousCatalogueRead(event)) return publicPages.respond(event.request, render);
	return renderPrivately(event, render);
}

/** The one place that keeps answers that depend on who is signed in out of every cache. */
async function renderPrivately(event: RequestEvent, render: () => Promise<Response>) {
	const signedIn = Boolean(event.locals.viewer);
	if (signedIn) withoutRevalidation(event.request);
	const response = await render();
	return dependsOnViewer(signedIn, response) ? keepPrivate(response) : response;
}

/** SvelteKit answers every unexpected error with 500; a busy database is a 503 worth retrying. */
function asBusyResponse(response: Response) {
	const busy = new Response(response.body, { status: 503, headers: response.headers });
	busy.headers.set('retry-after', RETRY_AFTER_SECONDS);
	busy.headers.set('cache-control', 'no-store');
	return busy;
}

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	event.locals.requestId = requestIdFor(event.request);
	const facts = () => ({
		requestId: event.locals.requestId,
		method: event.request.method,
		route: event.route.id,
		userId: event.locals.viewer?.user.id ?? null
	});
	let response: Response;
	try {
		const refused = await refuseCrossSiteForm(event);
		if (refused) {
			response = refused;
		} else {
			event.locals.viewer = isAnonymousCatalogueRead(event) ? null : await loadViewer(event);
			// Emails are rendered synchronously from the settings this keeps current (30 s at most).
			await readBranchSettings();
			response = await respond(event, resolve);
		}
	} catch (error) {
		logRequest(facts(), 500, performance.now() - started);
		throw error;
	}
	if (event.locals.databaseBusy) response = asBusyResponse(response);
	response.headers.set('x-request-id', event.locals.requestId);
	logRequest(facts(), response.status, performance.now() - started);
	return response;
};

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const { requestId } = event.locals;
	if (isDatabaseBusy(error) || isConnectionReopened(error)) {
		event.locals.databaseBusy = true;
		log.warn('database-busy', { requestId, route: event.route.id });
		return { message: BUSY_MESSAGE, requestId, busy: true };
	}
	if (status < 500) return { message };
	log.error('server-error', { requestId, route: event.route.id, status, ...describeError(error) });
	return { message: 'Sorry, something went wrong on our side.', requestId };
};
