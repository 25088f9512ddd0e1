import { redirect } from '@sveltejs/kit';
import { listSignedInDevices, signOutOtherDevices } from '$lib/server/auth/signed-in-devices';
import { requireUser } from '$lib/server/kit/guards';

export const load = async (event) => {
	const { user, session } = requireUser(event);
	return {
		devices: await listSignedInDevices(user, session.id),
		signedOut: event.url.searchParams.get('signedOut')
	};
};

export const actions = {
	default: async (event) => {
		const { user, session } = requireUser(event);
		const ended = await signOutOtherDevices(user.id, session.id);
		redirect(303, `/account/devices?signedOut=${ended}`);
	}
};
