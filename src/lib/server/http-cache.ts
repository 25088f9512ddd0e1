// Lets a spike on the anonymous catalogue cost almost nothing: every such response carries a
// short shared cache lifetime and an ETag (a revalidation gets a 304 with no body), and this
// process keeps each rendered page for a moment, coalescing concurrent misses into one render.
// A member never sees availability more than `ttlMs` old from here; the booking path itself
// always decides against the database.
import { createHash } from 'node:crypto';

/** Every answer that depends on who is signed in: kept by no cache, shared or the browser's. */
export const PRIVATE_CACHE_CONTROL = 'private, no-store';

/**
 * Whether an answer depends on who is signed in: someone was, or the answer sets or clears a
 * cookie (a session refreshed, a stale one deleted).
 */
export function dependsOnViewer(signedIn: boolean, response: Response) {
	return signedIn || response.headers.has('set-cookie');
}

/**
 * A request from someone signed in is never answered "not modified": SvelteKit would compare
 * the page's ETag, and a page's ETag must not tell one person's page from another's.
 */
export function withoutRevalidation(request: Request) {
	request.headers.delete('if-none-match');
	request.headers.delete('if-modified-since');
}

/** Marks an answer as private and drops its ETag, so nothing can store or revalidate it. */
export function keepPrivate(response: Response) {
	response.headers.set('cache-control', PRIVATE_CACHE_CONTROL);
	response.headers.delete('etag');
	response.headers.delete('last-modified');
	return response;
}

const PUBLIC_CACHE_CONTROL = 'public, max-age=30, stale-while-revalidate=60';
const MAX_ENTRIES = 500;

type Stored = { expires: number; status: number; body: Uint8Array; headers: [string, string][] };

function etagOf(body: Uint8Array) {
	return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

function matchesEtag(request: Request, etag: string) {
	return request.headers
		.get('if-none-match')
		?.split(',')
		.some((tag) => tag.trim() === etag);
}

async function store(response: Response, ttlMs: number): Promise<Stored> {
	const body = new Uint8Array(await response.arrayBuffer());
	const headers = new Headers(response.headers);
	if (response.status === 200) {
		if (!headers.has('cache-control')) headers.set('cache-control', PUBLIC_CACHE_CONTROL);
		headers.set('etag', etagOf(body));
		headers.append('vary', 'Cookie');
	}
	return { expires: Date.now() + ttlMs, status: response.status, body, headers: [...headers] };
}

function replay(request: Request, stored: Stored) {
	const headers = new Headers(stored.headers);
	const etag = headers.get('etag');
	if (stored.status === 200 && etag && matchesEtag(request, etag)) {
		return new Response(null, { status: 304, headers });
	}
	return new Response(stored.body.slice(), { status: stored.status, headers });
}

export function createPublicPageCache(ttlMs: number) {
	const entries = new Map<string, Stored>();
	const rendering = new Map<string, Promise<Stored>>();

	return {
		async respond(request: Request, render: () => Promise<Response>) {
			const key = new URL(request.url).pathname + new URL(request.url).search;
			const cached = entries.get(key);
			if (cached && cached.expires > Date.now()) return replay(request, cached);

			let pending = rendering.get(key);
			if (!pending) {
				pending = render().then((response) => store(response, ttlMs));
				rendering.set(key, pending);
				pending
					.then((stored) => {
						// Only plain successful pages are shared; anything that sets a cookie is not.
						if (
							ttlMs > 0 &&
							stored.status === 200 &&
							!new Headers(stored.headers).has('set-cookie')
						) {
							if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
							entries.set(key, stored);
						}
					})
					.catch(() => {})
					.finally(() => rendering.delete(key));
			}
			return replay(request, await pending);
		},
		clear() {
			entries.clear();
		}
	};
}
