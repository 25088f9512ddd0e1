import { error } from '@sveltejs/kit';
import { calendarResponse } from '$lib/server/calendar/calendar-response';
import { devMailOpenTo } from '$lib/server/email/dev-guard';
import { findDevMail } from '$lib/server/email/dev-mailbox';

export const GET = async ({ params, locals }) => {
	const mail = (await devMailOpenTo(locals.viewer)) ? await findDevMail(Number(params.id)) : null;
	if (!mail?.calendarIcs) error(404, 'Not found');
	return calendarResponse(mail.calendarIcs, `message-${mail.id}.ics`);
};
