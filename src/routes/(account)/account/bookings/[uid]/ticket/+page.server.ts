import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/kit/guards';
import { loadMemberTicket } from '$lib/server/door/ticket-booking';

export const load = async (event) => {
	const { user } = requireUser(event);
	const ticket = await loadMemberTicket(event.params.uid, user.id);
	if (!ticket) error(404, 'There is no confirmed place with a ticket here');
	return { ticket };
};
