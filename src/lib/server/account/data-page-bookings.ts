// The bookings part of the readable data page: each event, its date, where the booking stands in
// words, and every answer under the question as the member saw it on the booking form.
import type { BookingAnswers } from '../db/schema/index.ts';
import { ACCESS_NEEDS } from '../bookings/answers.ts';
import type { AccountData } from './data-export.ts';
import { escapeHtml } from '../email/templates/layout.ts';
import { facts, inWords, section, type Row } from './data-page-html.ts';

type Booking = AccountData['bookings'][number];

/** The booking form's own labels (see the book page), so answers read as they were asked. */
export function bookingAnswerRows(answers: BookingAnswers | null): Row[] {
	if (!answers) return [];
	const needs = (answers.accessNeeds ?? []).map(
		(need) => ACCESS_NEEDS[need as keyof typeof ACCESS_NEEDS] ?? need
	);
	const rows: Row[] = [
		['Access needs', needs.join(', ')],
		['Anything else about access', answers.accessNotes ?? ''],
		['Dietary needs', answers.dietary ?? ''],
		['Employer', answers.employer ?? '']
	];
	for (const given of answers.questions ?? []) {
		rows.push([
			given.question,
			Array.isArray(given.answer) ? given.answer.join(', ') : given.answer
		]);
	}
	return rows;
}

function bookingStatus(b: Booking) {
	switch (b.status) {
		case 'confirmed':
			return 'Booked: you have a place';
		case 'waitlisted':
			return b.waitingListPosition
				? `On the waiting list, number ${b.waitingListPosition}`
				: 'On the waiting list';
		case 'offered':
			return `A place was offered to you, held until ${inWords(b.offerExpiresAt)}`;
		case 'cancelled':
			return b.cancelledAt ? `Cancelled on ${inWords(b.cancelledAt)}` : 'Cancelled';
	}
}

function bookingHtml(b: Booking) {
	const rows: Row[] = [
		['When', inWords(b.eventStartsAt)],
		['Booking', bookingStatus(b)],
		['Booked on', inWords(b.createdAt)],
		['Guests', b.guests ? String(b.guests) : 'None'],
		['Arrived at the door', inWords(b.checkedInAt)],
		...bookingAnswerRows(b.answers)
	];
	return `<h3>${escapeHtml(b.event)}</h3>${facts(rows)}`;
}

export function bookingsSection(bookings: Booking[]) {
	return section(
		'bookings',
		'Your bookings',
		bookings.map(bookingHtml).join(''),
		'You have no bookings, past or to come.'
	);
}
