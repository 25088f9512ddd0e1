import { error } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { devMailOpenTo } from '$lib/server/email/dev-guard';
import { findDevMail } from '$lib/server/email/dev-mailbox';

// An email's HTML as its own document, for the dev mailbox's preview frame. Emails need inline
// styles (mail clients read no style sheets), which the site's CSP refuses; this document gets a
// policy of its own that allows those styles and the site's own images (a ticket's QR code), and
// nothing else: no scripts, no other loads, sandboxed.
const emailPolicy = (origins: string[]) =>
	`default-src 'none'; style-src 'unsafe-inline'; img-src ${[...new Set(origins)].join(' ')} data:; sandbox`;

export const GET = async ({ params, locals, url }) => {
	const mail = (await devMailOpenTo(locals.viewer)) ? await findDevMail(Number(params.id)) : null;
	if (!mail?.htmlBody) error(404, 'Not found');
	return new Response(mail.htmlBody, {
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'content-security-policy': emailPolicy([url.origin, config.origin])
		}
	});
};
