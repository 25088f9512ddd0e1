import { fail } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import {
	checkDoorLinkLabel,
	createDoorLink,
	listDoorLinks,
	revokeDoorLink
} from '$lib/server/door/door-links';
import { formText } from '$lib/server/forms';
import { managedEventOr404 } from '$lib/server/kit/organiser-guard';
import { readForm } from '$lib/server/kit/read-form';

export const load = async (event) => {
	const { managed } = await managedEventOr404(event);
	const links = await listDoorLinks(managed.id);
	return {
		event: { id: managed.id, title: managed.title, endsAt: managed.endsAt },
		links: links.map((l) => ({
			id: l.id,
			label: l.label,
			createdAt: l.createdAt,
			expiresAt: l.expiresAt,
			revokedAt: l.revokedAt
		}))
	};
};

export const actions = {
	create: async (event) => {
		const { viewer, managed } = await managedEventOr404(event);
		const typed = checkDoorLinkLabel({ label: formText(await readForm(event.request), 'label') });
		if (!typed.ok) return fail(400, { label: typed.values.label, labelError: typed.errors.label });
		const { label } = typed.data;
		if (managed.endsAt.getTime() <= Date.now())
			return fail(400, {
				label,
				labelError: 'This event has finished, so a door link would not work'
			});
		const made = await createDoorLink(managed, label, viewer.user.id);
		return { made: { url: `${config.origin}${made.path}`, pin: made.pin, label } };
	},
	revoke: async (event) => {
		const { viewer, managed } = await managedEventOr404(event);
		const id = Number(formText(await readForm(event.request), 'link'));
		const done = Number.isSafeInteger(id) && (await revokeDoorLink(managed.id, id, viewer.user.id));
		if (!done)
			return fail(400, { revokeError: 'That door link is already revoked or does not exist.' });
		return { revoked: true };
	}
};
