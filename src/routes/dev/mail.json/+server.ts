import { error, json } from '@sveltejs/kit';
import { devMailOpenTo } from '$lib/server/email/dev-guard';
import { listDevMail } from '$lib/server/email/dev-mailbox';

export const GET = async ({ url, locals }) => {
	if (!(await devMailOpenTo(locals.viewer))) error(404, 'Not found');
	const messages = await listDevMail({ to: url.searchParams.get('to'), limit: 500 });
	return json(
		messages.map((m) => ({
			id: m.id,
			to: m.recipient,
			template: m.template,
			idempotencyKey: m.idempotencyKey,
			subject: m.subject,
			text: m.textBody,
			html: m.htmlBody,
			calendar: m.calendarIcs ? { method: m.calendarMethod, ics: m.calendarIcs } : null,
			sentAt: m.sentAt
		})),
		{ headers: { 'cache-control': 'no-store' } }
	);
};
