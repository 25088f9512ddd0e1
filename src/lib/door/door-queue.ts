// What a door device keeps between visits and while offline (in localStorage): its name, the
// roster, and the check-ins and walk-ins not yet sent. Queued check-ins are laid over a fresh
// roster, so the screen never forgets someone let in while the network was down.
import type { QueuedCheckIn, Roster, SentCheckInResult } from './roster-types.ts';

export type QueuedWalkIn = {
	clientId: string;
	name: string;
	email: string;
	membershipNumber: string;
	overCapacity: boolean;
	sessionId: number;
	checkedInAt: number;
	deviceId: string;
};

export type Conflict = { clientId: string; name: string; mine: number; at: number; device: string };

type Store = Pick<Storage, 'getItem' | 'setItem'>;

function read<T>(store: Store, key: string, fallback: T): T {
	try {
		const raw = store.getItem(key);
		return raw ? (JSON.parse(raw) as T) : fallback;
	} catch {
		return fallback;
	}
}

export function randomId(length = 20) {
	const bytes = crypto.getRandomValues(new Uint8Array(length));
	const letters = 'abcdefghijkmnpqrstuvwxyz23456789';
	return Array.from(bytes, (b) => letters[b & 31]).join('');
}

/** This device's name, made once and kept: it tells door volunteers whose check-in won. */
export function deviceName(store: Store) {
	let name = store.getItem('door:device');
	if (!name) {
		name = `Door ${randomId(4).toUpperCase()}`;
		store.setItem('door:device', name);
	}
	return name;
}

export function createDoorQueue(store: Store, scope: string) {
	const key = (what: string) => `door:${scope}:${what}`;
	return {
		roster: () => read<Roster | null>(store, key('roster'), null),
		saveRoster: (roster: Roster) => store.setItem(key('roster'), JSON.stringify(roster)),
		checkIns: () => read<QueuedCheckIn[]>(store, key('queue'), []),
		saveCheckIns: (queue: QueuedCheckIn[]) => store.setItem(key('queue'), JSON.stringify(queue)),
		walkIns: () => read<QueuedWalkIn[]>(store, key('walk-ins'), []),
		saveWalkIns: (queue: QueuedWalkIn[]) => store.setItem(key('walk-ins'), JSON.stringify(queue))
	};
}

/** The roster with this device's unsent check-ins on it. */
export function withQueued(roster: Roster, queue: QueuedCheckIn[]): Roster {
	if (queue.length === 0) return roster;
	const people = roster.people.map((p) => {
		const mine = queue.filter(
			(q) => q.bookingUid === p.uid && !p.checkIns.some((c) => c.session === q.sessionId)
		);
		return mine.length
			? {
					...p,
					checkIns: [
						...p.checkIns,
						...mine.map((q) => ({ session: q.sessionId, at: q.checkedInAt, device: q.deviceId }))
					]
				}
			: p;
	});
	return { ...roster, people };
}

/** What the server's answers mean for the device: the conflicts and refusals to show. */
export function settle(queue: QueuedCheckIn[], results: SentCheckInResult[], roster: Roster) {
	const conflicts: Conflict[] = [];
	const refused: { name: string; reason: string }[] = [];
	const answered = new Set(results.map((r) => r.clientId));
	const nameOf = (uid: string) => roster.people.find((p) => p.uid === uid)?.name ?? 'Someone';
	for (const r of results) {
		const sent = queue.find((q) => q.clientId === r.clientId);
		if (!sent) continue;
		if (r.outcome === 'conflict')
			conflicts.push({
				clientId: r.clientId,
				name: nameOf(sent.bookingUid),
				mine: sent.checkedInAt,
				at: r.checkedInAt,
				device: r.deviceId
			});
		if (r.outcome === 'refused') refused.push({ name: nameOf(sent.bookingUid), reason: r.reason });
	}
	return { remaining: queue.filter((q) => !answered.has(q.clientId)), conflicts, refused };
}
