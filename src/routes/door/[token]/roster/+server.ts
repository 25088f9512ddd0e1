// The door device's roster and its queued check-ins, for a volunteer with a door link and PIN.
import { recordDoorLinkUse } from '$lib/server/door/door-links';
import { receiveDoorPost, rosterResponse } from '$lib/server/kit/door-endpoint';
import { unlockedDoorLinkOr403 } from '$lib/server/kit/door-link-guard';

export const GET = async (event) => {
	const { link, event: door } = await unlockedDoorLinkOr403(event);
	await recordDoorLinkUse(link.id, 'door-link.roster-read');
	return rosterResponse(event.request, door.id);
};

export const POST = async (event) => {
	const { link, event: door } = await unlockedDoorLinkOr403(event);
	return receiveDoorPost(event.request, door, { actorUserId: null, doorLinkId: link.id });
};
