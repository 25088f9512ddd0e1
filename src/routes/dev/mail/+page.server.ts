import { error } from '@sveltejs/kit';
import { devMailOpenTo } from '$lib/server/email/dev-guard';
import { listDevMail } from '$lib/server/email/dev-mailbox';

export const load = async ({ url, locals }) => {
	if (!(await devMailOpenTo(locals.viewer))) error(404, 'Not found');
	const to = url.searchParams.get('to')?.trim() || null;
	return { to, messages: await listDevMail({ to, limit: 100 }) };
};
