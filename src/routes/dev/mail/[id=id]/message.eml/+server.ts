import { error } from '@sveltejs/kit';
import { devMailOpenTo } from '$lib/server/email/dev-guard';
import { findDevMail } from '$lib/server/email/dev-mailbox';

export const GET = async ({ params, locals }) => {
	const mail = (await devMailOpenTo(locals.viewer)) ? await findDevMail(Number(params.id)) : null;
	if (!mail) error(404, 'Not found');
	return new Response(mail.raw, {
		headers: {
			'content-type': 'message/rfc822',
			'content-disposition': `attachment; filename="message-${mail.id}.eml"`
		}
	});
};
