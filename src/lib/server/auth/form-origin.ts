// Which form posts came from the desk's own pages, in place of SvelteKit's built-in check (which
// knows one origin only, so the demo opened at 127.0.0.1 or a LAN address refused every form).
// With ORIGIN set, only that origin is accepted. Without it (the demo), a form is accepted from the
// address that served it: the browser's Origin names the same host the request was sent to.

/** The encodings an HTML form can send, and SvelteKit's own: what another site can post unasked. */
const FORM_TYPES = [
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	'application/x-sveltekit-formdata'
];
const CHANGING_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

export type FormPost = { method: string; contentType: string | null; origin: string | null };
export type Site = { origin: string; originPinned: boolean };

export function isFormPost(post: Pick<FormPost, 'method' | 'contentType'>) {
	if (!CHANGING_METHODS.includes(post.method)) return false;
	const type = post.contentType?.split(';', 1)[0].trim().toLowerCase() ?? '';
	return FORM_TYPES.includes(type);
}

function hostOf(origin: string) {
	try {
		return new URL(origin).host;
	} catch {
		// "null" (a sandboxed frame, a file) or garbage: no host to match.
		return null;
	}
}

/** `host` is the request's Host header: where the browser sent the form. */
export function isFormPostAllowed(post: FormPost, host: string | null, site: Site) {
	if (!isFormPost(post)) return true;
	if (!post.origin) return false;
	if (post.origin === site.origin) return true;
	if (site.originPinned || !host) return false;
	return hostOf(post.origin) === host.toLowerCase();
}

/** The plain explanation a refused post gets, on the branch's own error page. */
export function crossSiteRefusal(site: Site) {
	return site.originPinned
		? `This form was not sent from ${site.origin}, so nothing was saved. Open ${site.origin} and fill in the form there.`
		: 'This form was sent from another website, so nothing was saved. If you filled it in on this desk, go back, reload the page and send it again.';
}
