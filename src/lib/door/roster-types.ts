// The roster a door device downloads and keeps: who is booked, how many guests, whether the
// place stands, their check-ins per session, and a digest of their ticket. Nothing more (no
// email address, no access needs), since the phone may be lost.
export type RosterSession = { id: number; title: string | null; startsAt: number; endsAt: number };

export type RosterCheckIn = { session: number; at: number; device: string };

export type RosterPerson = {
	/** Booking uid. */
	uid: string;
	name: string;
	membershipNumber: string | null;
	guests: number;
	status: 'confirmed' | 'waitlisted' | 'offered' | 'cancelled';
	/** Digest of the ticket's signature (ticket-format.ts). */
	ticket: string;
	checkIns: RosterCheckIn[];
};

export type Roster = {
	event: { id: number; title: string; capacity: number | null; membersOnly: boolean };
	sessions: RosterSession[];
	people: RosterPerson[];
	/** Server time the roster was read, in ms. */
	readAt: number;
};

export type QueuedCheckIn = {
	clientId: string;
	bookingUid: string;
	sessionId: number;
	checkedInAt: number;
	deviceId: string;
};

export type SentCheckInResult =
	| { clientId: string; outcome: 'recorded' | 'conflict'; checkedInAt: number; deviceId: string }
	| { clientId: string; outcome: 'refused'; reason: string };
