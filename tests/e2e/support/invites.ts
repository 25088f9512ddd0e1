// The calendar invite an email carries, read as a calendar app reads it.
import ICAL from 'ical.js';

export function parseInvite(ics: string) {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	const vevent = calendar.getFirstSubcomponent('vevent')!;
	return {
		method: calendar.getFirstPropertyValue('method'),
		uid: vevent.getFirstPropertyValue('uid') as string,
		sequence: Number(vevent.getFirstPropertyValue('sequence')),
		attendee: vevent.getFirstProperty('attendee')?.getFirstValue()
	};
}
