// Lets a spike on the anonymous catalogue cost almost nothing: every such response carries a
// short shared cache lifetime and an ETag (a revalidation gets a 304 with no body), and this
// process keeps each rendered page for a moment, coalescing concurrent misses into one render.
// A member never sees availability more than `ttlMs` old from here; the booking path itself
// always decides against the database.
import { createHash } from 'node:crypto';

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
