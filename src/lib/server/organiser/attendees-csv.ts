// The attendee list as a spreadsheet file. A cell that starts like a formula is prefixed with
// an apostrophe, so a name such as "=HYPERLINK(...)" stays text when the file is opened.
import { toLondonIso } from '../../london-time.ts';
import { ACCESS_NEEDS, type AccessNeed } from '../bookings/answers.ts';
import { questionColumns } from '../booking-questions/answer-views.ts';
import type { BookingQuestion } from '../db/schema/index.ts';
import type { Attendee } from './attendees.ts';

const STATUS = {
	confirmed: 'Confirmed',
	offered: 'Offered',
	waitlisted: 'Waiting',
	cancelled: 'Cancelled'
} as const;

export function csvCell(value: string | number | null | undefined) {
	let text = value === null || value === undefined ? '' : String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function accessNeedsText(answers: Attendee['answers']) {
	const needs = (answers.accessNeeds ?? []).map((n) => ACCESS_NEEDS[n as AccessNeed] ?? n);
	return [...needs, answers.accessNotes].filter(Boolean).join('; ');
}

/** One row per booking; the event's own questions follow the built-in ones, a column each. */
export function attendeesCsv(
	attendees: Attendee[],
	questions: Pick<BookingQuestion, 'id' | 'wording'>[] = []
) {
	const own = questionColumns(questions);
	const header = [
		'Name',
		'Email',
		'Membership number',
		'Status',
		'Waiting list position',
		'Guests',
		'Booked at',
		'Checked in at',
		'Access needs',
		'Dietary needs',
		'Employer',
		...own.headers
	];
	const rows = attendees.map((a) => [
		a.name,
		a.email,
		a.membershipNumber,
		STATUS[a.status],
		a.waitingNumber,
		a.guests,
		toLondonIso(a.bookedAt),
		a.checkedInAt ? toLondonIso(a.checkedInAt) : null,
		accessNeedsText(a.answers),
		a.answers.dietary,
		a.answers.employer,
		...own.cells(a.answers)
	]);
	return (
		'\uFEFF' + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
	);
}
