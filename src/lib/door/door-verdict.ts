// What the door says about a ticket or a person, worked out on the device from its roster so
// it needs no network: let in (with guests), already in (when, by which device), or why not.
import { parseTicket, ticketDigest } from './ticket-format.ts';
import type { Roster, RosterPerson } from './roster-types.ts';

export type Verdict =
	| { kind: 'welcome'; person: RosterPerson }
	| { kind: 'already'; person: RosterPerson; at: number; device: string }
	| { kind: 'refused'; title: string; detail: string; person?: RosterPerson };

export function judgePerson(person: RosterPerson, sessionId: number): Verdict {
	if (person.status === 'cancelled')
		return {
			kind: 'refused',
			title: 'Booking cancelled',
			detail: `${person.name} cancelled or was removed. Their ticket no longer counts.`,
			person
		};
	if (person.status !== 'confirmed')
		return {
			kind: 'refused',
			title: 'No confirmed place',
			detail: `${person.name} has been offered a place but has not accepted it yet.`,
			person
		};
	const done = person.checkIns.find((c) => c.session === sessionId);
	if (done) return { kind: 'already', person, at: done.at, device: done.device };
	return { kind: 'welcome', person };
}

export function judgeTicket(roster: Roster, text: string, sessionId: number): Verdict {
	const ticket = parseTicket(text);
	if (!ticket)
		return {
			kind: 'refused',
			title: 'Not a ticket',
			detail: 'This code is not a Branchdesk ticket.'
		};
	if (ticket.eventId !== roster.event.id)
		return {
			kind: 'refused',
			title: 'Wrong event',
			detail: `This ticket is for another event, not ${roster.event.title}.`
		};
	const person = roster.people.find((p) => p.uid === ticket.bookingUid);
	if (!person)
		return {
			kind: 'refused',
			title: 'Not on the roster',
			detail:
				'No booking on this roster matches. If they booked in the last minutes, refresh the roster.'
		};
	if (ticketDigest(ticket.signature) !== person.ticket)
		return {
			kind: 'refused',
			title: 'Ticket not genuine',
			detail: 'This ticket was not issued by the branch: it has been altered or made up.'
		};
	return judgePerson(person, sessionId);
}

/** People whose name or membership number contains what was typed, best matches first. */
export function findPeople(roster: Roster, typed: string, most = 8): RosterPerson[] {
	const term = typed.trim().toLowerCase();
	if (term.length < 2) return [];
	const compact = term.replace(/\s+/g, '');
	const score = (p: RosterPerson) => {
		const name = p.name.toLowerCase();
		const number = (p.membershipNumber ?? '').toLowerCase();
		if (number && number === compact) return 0;
		if (name.startsWith(term) || name.includes(` ${term}`)) return 1;
		if (name.includes(term) || (number && number.includes(compact))) return 2;
		return -1;
	};
	return roster.people
		.map((p) => ({ p, s: score(p) }))
		.filter((x) => x.s >= 0)
		.sort((a, b) => a.s - b.s || a.p.name.localeCompare(b.p.name))
		.slice(0, most)
		.map((x) => x.p);
}
