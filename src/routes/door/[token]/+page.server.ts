import { fail, redirect } from '@sveltejs/kit';
import { enterDoorPin } from '$lib/server/door/door-links';
import { formText } from '$lib/server/forms';
import { doorLinkOr404, setDoorPass } from '$lib/server/kit/door-link-guard';
import { readForm } from '$lib/server/kit/read-form';

export const load = async (event) => {
	const { link, event: door, token, unlocked } = await doorLinkOr404(event);
	return {
		door: { title: door.title, api: `/door/${token}/roster` },
		expiresAt: link.expiresAt,
		unlocked
	};
};

export const actions = {
	pin: async (event) => {
		const { link, token } = await doorLinkOr404(event);
		const pin = formText(await readForm(event.request), 'pin');
		const outcome = await enterDoorPin(link, pin);
		if (!outcome.ok) return fail(400, { pinError: outcome.reason });
		setDoorPass(event.cookies, token, link.id, outcome.pass, link.expiresAt);
		redirect(303, `/door/${token}`);
	}
};
