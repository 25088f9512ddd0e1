// Lets browsers and CDNs absorb a spike on anonymous catalogue pages: a short shared cache
// lifetime plus an ETag, so a revalidation costs a 304 with no body. SvelteKit already tags
// pages; files from +server.ts routes (.ics) are tagged here.
import { createHash } from 'node:crypto';

const PUBLIC_CACHE_CONTROL = 'public, max-age=30, stale-while-revalidate=60';

export async function withCacheValidators(request: Request, response: Response) {
	if (request.method !== 'GET' || response.status !== 200) return response;
	if (!response.headers.has('cache-control')) {
		response.headers.set('cache-control', PUBLIC_CACHE_CONTROL);
	}
	response.headers.append('vary', 'Cookie');
	if (response.headers.has('etag')) return response;

	const body = new Uint8Array(await response.arrayBuffer());
	const etag = `W/"${createHash('sha1').update(body).digest('base64url')}"`;
	const headers = new Headers(response.headers);
	headers.set('etag', etag);
	const matches = request.headers
		.get('if-none-match')
		?.split(',')
		.some((tag) => tag.trim() === etag);
	if (matches) return new Response(null, { status: 304, headers });
	return new Response(body, { status: 200, headers });
}
