// The one page that shows an email before it is sent (the organiser's message preview) shows it
// in a sandboxed srcdoc frame, which takes the page's CSP; emails are styled only by style
// attributes (mail clients read no style sheets). That page alone allows style attributes:
// attributes cannot run scripts or load anything the rest of the policy refuses.
const EMAIL_PREVIEW_ROUTES = new Set(['/(organiser)/organiser/events/[id=id]/attendees/message']);

export function allowEmailPreviewStyles(routeId: string | null, response: Response) {
	if (!routeId || !EMAIL_PREVIEW_ROUTES.has(routeId)) return response;
	const policy = response.headers.get('content-security-policy');
	if (policy) {
		response.headers.set(
			'content-security-policy',
			policy.replace(/style-src-attr [^;]*/, "style-src-attr 'unsafe-inline'")
		);
	}
	return response;
}
