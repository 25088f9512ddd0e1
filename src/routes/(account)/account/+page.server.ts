import { requireUser } from '$lib/server/auth/guards';

export const load = (event) => {
	const { user } = requireUser(event);
	return {
		account: { name: user.name, email: user.email },
		passwordChanged: event.url.searchParams.has('passwordChanged')
	};
};
