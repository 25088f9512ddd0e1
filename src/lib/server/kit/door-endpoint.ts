// The door's JSON exchange, shared by organisers and door-link volunteers: GET the roster
// (gzipped when the phone accepts it), POST queued check-ins and walk-ins. The caller has
// already decided who is at the door and for which event.
import { error, json } from '@sveltejs/kit';
import { gzipSync } from 'node:zlib';
import type { AuditEntry } from '../audit.ts';
import type { Event } from '../db/schema/index.ts';
import { loadRoster, readSentCheckIns, receiveCheckIns } from '../door/roster.ts';
import { addWalkIns, readSentWalkIns } from '../door/walk-ins.ts';

export type DoorActor = { actorUserId: number | null; doorLinkId: number | null };

export async function rosterResponse(request: Request, eventId: number) {
	const roster = await loadRoster(eventId);
	if (!roster) error(404, 'Event not found');
	const body = JSON.stringify(roster);
	const headers: Record<string, string> = {
		'content-type': 'application/json; charset=utf-8',
		'cache-control': 'no-store'
	};
	if (!/\bgzip\b/.test(request.headers.get('accept-encoding') ?? ''))
		return new Response(body, { headers });
	return new Response(new Uint8Array(gzipSync(body, { level: 6 })), {
		headers: { ...headers, 'content-encoding': 'gzip', vary: 'Accept-Encoding' }
	});
}

export async function receiveDoorPost(request: Request, event: Event, actor: DoorActor) {
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		error(400, 'Send the check-ins as JSON');
	}
	const checkIns = readSentCheckIns(body);
	const walkIns = readSentWalkIns(body);
	if (!checkIns || !walkIns) error(400, 'Those check-ins could not be read');
	const audit: Omit<AuditEntry, 'detail'> = {
		actorUserId: actor.actorUserId,
		action: actor.doorLinkId ? 'door.check-ins-sent-by-door-link' : 'door.check-ins-sent',
		subjectType: actor.doorLinkId ? 'door-link' : 'event',
		subjectId: actor.doorLinkId ?? event.id
	};
	const walkInResults = await addWalkIns(event, walkIns, actor);
	const results = checkIns.length ? await receiveCheckIns(event.id, checkIns, audit) : [];
	return json({ results, walkIns: walkInResults });
}
