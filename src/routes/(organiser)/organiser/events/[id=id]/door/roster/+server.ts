// The door device's roster (GET) and its queued check-ins and walk-ins (POST), for organisers.
import { managedEventOr404 } from '$lib/server/kit/organiser-guard';
import { receiveDoorPost, rosterResponse } from '$lib/server/kit/door-endpoint';

export const GET = async (event) => {
	const { managed } = await managedEventOr404(event);
	return rosterResponse(event.request, managed.id);
};

export const POST = async (event) => {
	const { viewer, managed } = await managedEventOr404(event);
	return receiveDoorPost(event.request, managed, { actorUserId: viewer.user.id, doorLinkId: null });
};
