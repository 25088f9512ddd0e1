// One door device's state: the roster it keeps, what it has not sent yet, whether it is online,
// and what the server said about the check-ins it sent. It goes offline and back by itself: a
// failed request or the browser's offline event turns it offline, the online event or the next
// successful request turns it back.
import { sessionAtTheDoor } from './session-at-door.ts';
import {
	createDoorQueue,
	deviceName,
	randomId,
	settle,
	withQueued,
	type Conflict,
	type QueuedWalkIn
} from './door-queue.ts';
import type { QueuedCheckIn, Roster, RosterPerson, SentCheckInResult } from './roster-types.ts';

type WalkInAnswer = { clientId: string; ok: boolean; message?: string; reason?: string };

const SYNC_EVERY_MS = 5_000;

export class DoorDevice {
	roster = $state<Roster | null>(null);
	queue = $state<QueuedCheckIn[]>([]);
	walkIns = $state<QueuedWalkIn[]>([]);
	online = $state(true);
	conflicts = $state<Conflict[]>([]);
	refused = $state<{ name: string; reason: string }[]>([]);
	walkInAnswers = $state<(WalkInAnswer & { name: string })[]>([]);
	sessionId = $state<number | null>(null);
	device = $state('');
	#store: ReturnType<typeof createDoorQueue> | null = null;
	/** Check-ins this device sent that stood when sent; an earlier one from elsewhere may follow. */
	#standing: QueuedCheckIn[] = [];
	#syncing = false;

	readonly api: string;

	constructor(api: string) {
		this.api = api;
	}

	get shown(): Roster | null {
		return this.roster ? withQueued(this.roster, this.queue) : null;
	}

	get waiting() {
		return this.queue.length + this.walkIns.length;
	}

	/** Starts from what the device kept, then fetches the roster; returns a stop function. */
	start() {
		this.#store = createDoorQueue(localStorage, this.api);
		this.device = deviceName(localStorage);
		this.roster = this.#store.roster();
		this.queue = this.#store.checkIns();
		this.walkIns = this.#store.walkIns();
		this.online = navigator.onLine;
		this.#pickSession();
		const goOnline = () => void this.sync();
		const goOffline = () => (this.online = false);
		window.addEventListener('online', goOnline);
		window.addEventListener('offline', goOffline);
		const timer = setInterval(() => {
			if (navigator.onLine) void this.sync();
		}, SYNC_EVERY_MS);
		void this.sync();
		return () => {
			clearInterval(timer);
			window.removeEventListener('online', goOnline);
			window.removeEventListener('offline', goOffline);
		};
	}

	#pickSession() {
		const sessions = this.roster?.sessions ?? [];
		if (this.sessionId !== null && sessions.some((s) => s.id === this.sessionId)) return;
		this.sessionId = sessionAtTheDoor(sessions, Date.now())?.id ?? null;
	}

	#save() {
		this.#store?.saveCheckIns(this.queue);
		this.#store?.saveWalkIns(this.walkIns);
	}

	/** Lets a person in on this device now; the server hears of it when it can. */
	checkIn(person: RosterPerson) {
		if (this.sessionId === null) return;
		this.queue = [
			...this.queue,
			{
				clientId: `${randomId(12)}-${Date.now().toString(36)}`,
				bookingUid: person.uid,
				sessionId: this.sessionId,
				checkedInAt: Date.now(),
				deviceId: this.device
			}
		];
		this.#save();
		void this.sync();
	}

	addWalkIn(input: Pick<QueuedWalkIn, 'name' | 'email' | 'membershipNumber' | 'overCapacity'>) {
		if (this.sessionId === null) return;
		this.walkIns = [
			...this.walkIns,
			{
				...input,
				clientId: `${randomId(12)}-${Date.now().toString(36)}`,
				sessionId: this.sessionId,
				checkedInAt: Date.now(),
				deviceId: this.device
			}
		];
		this.#save();
		void this.sync();
	}

	async #send() {
		const sentCheckIns = this.queue;
		const sentWalkIns = this.walkIns;
		const response = await fetch(this.api, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ checkIns: sentCheckIns, walkIns: sentWalkIns })
		});
		if (!response.ok) throw new Error(`sending failed: ${response.status}`);
		const answer = (await response.json()) as {
			results: SentCheckInResult[];
			walkIns: WalkInAnswer[];
		};
		const settled = settle(sentCheckIns, answer.results, this.roster!);
		const stood = answer.results.filter((r) => r.outcome === 'recorded').map((r) => r.clientId);
		this.#standing = [
			...this.#standing,
			...sentCheckIns.filter((q) => stood.includes(q.clientId))
		].slice(-500);
		const sentIds = sentCheckIns.map((q) => q.clientId);
		this.queue = [...settled.remaining, ...this.queue.filter((q) => !sentIds.includes(q.clientId))];
		this.conflicts = [...settled.conflicts, ...this.conflicts].slice(0, 20);
		this.refused = [...settled.refused, ...this.refused].slice(0, 20);
		const answeredWalkIns = answer.walkIns.map((w) => w.clientId);
		this.walkInAnswers = [
			...answer.walkIns.map((w) => ({
				...w,
				name: sentWalkIns.find((s) => s.clientId === w.clientId)?.name ?? ''
			})),
			...this.walkInAnswers
		].slice(0, 20);
		this.walkIns = this.walkIns.filter((w) => !answeredWalkIns.includes(w.clientId));
		this.#save();
	}

	/** A check-in of ours that a device with an earlier time has since replaced. */
	#noticeOvertaken(roster: Roster) {
		const overtaken: Conflict[] = [];
		this.#standing = this.#standing.filter((mine) => {
			const person = roster.people.find((p) => p.uid === mine.bookingUid);
			const kept = person?.checkIns.find((c) => c.session === mine.sessionId);
			if (!person || !kept || (kept.device === mine.deviceId && kept.at === mine.checkedInAt))
				return Boolean(kept);
			overtaken.push({
				clientId: mine.clientId,
				name: person.name,
				mine: mine.checkedInAt,
				at: kept.at,
				device: kept.device
			});
			return false;
		});
		if (overtaken.length) this.conflicts = [...overtaken, ...this.conflicts].slice(0, 20);
	}

	async sync() {
		if (this.#syncing) return;
		this.#syncing = true;
		try {
			if (this.roster && (this.queue.length || this.walkIns.length)) await this.#send();
			const response = await fetch(this.api, { headers: { accept: 'application/json' } });
			if (!response.ok) throw new Error(`roster failed: ${response.status}`);
			this.roster = (await response.json()) as Roster;
			this.#noticeOvertaken(this.roster);
			this.#store?.saveRoster(this.roster);
			this.#pickSession();
			this.online = true;
		} catch {
			this.online = false;
		} finally {
			this.#syncing = false;
		}
	}
}
