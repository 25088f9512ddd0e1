// The times typed into the event form: each session's date, start and end, and the window
// booking is open. They are London wall times and become UTC instants here.
import { fromLondonTime } from '../../london-time.ts';
import { parseIsoDate } from '../../plain-date.ts';
import type { EventFormErrors, EventFormValues } from './event-form.ts';

function parseTime(value: string) {
	const m = /^(\d{1,2})[:.](\d{2})$/.exec(value);
	if (!m) return null;
	const [h, min] = [Number(m[1]), Number(m[2])];
	return h < 24 && min < 60 ? { h, min } : null;
}

function parseMoment(date: string, time: string) {
	const d = parseIsoDate(date);
	const t = time ? parseTime(time) : { h: 0, min: 0 };
	return d && t ? fromLondonTime(d.y, d.mo, d.d, t.h, t.min) : null;
}

/** The sessions typed, in time order; a row left wholly blank is skipped. */
export function readSessions(v: EventFormValues, errors: EventFormErrors) {
	const sessions: { startsAt: Date; endsAt: Date }[] = [];
	v.sessions.forEach((row, i) => {
		if (!row.date && !row.start && !row.end) return;
		const date = parseIsoDate(row.date);
		const start = parseTime(row.start);
		const end = parseTime(row.end);
		const n = v.sessions.length > 1 ? ` for session ${i + 1}` : '';
		if (!date) errors[`session-${i}-date`] = `Enter a real date${n}, for example 2027-01-14`;
		else if (!start) errors[`session-${i}-start`] = `Enter a start time${n}, for example 18:30`;
		else if (!end) errors[`session-${i}-end`] = `Enter an end time${n}, for example 20:30`;
		else {
			const startsAt = fromLondonTime(date.y, date.mo, date.d, start.h, start.min);
			const endsAt = fromLondonTime(date.y, date.mo, date.d, end.h, end.min);
			if (endsAt <= startsAt)
				errors[`session-${i}-end`] = `The end time${n} must be after the start time`;
			else sessions.push({ startsAt, endsAt });
		}
	});
	if (!sessions.length && !Object.keys(errors).some((k) => k.startsWith('session-')))
		errors['session-0-date'] = 'Enter the date and times of at least one session';
	return sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

export const BOOKING_WINDOW_FIELDS = [
	'bookingOpensDate',
	'bookingOpensTime',
	'bookingClosesDate',
	'bookingClosesTime'
] as const;

/** When booking opens and closes; either may be left blank, and a close with no time is at 23:59. */
export function readBookingWindow(v: EventFormValues, errors: EventFormErrors) {
	const opens = v.bookingOpensDate ? parseMoment(v.bookingOpensDate, v.bookingOpensTime) : null;
	if (v.bookingOpensDate && !opens)
		errors.bookingOpensDate = 'Enter a real date and time for booking to open';
	const closes = v.bookingClosesDate
		? parseMoment(v.bookingClosesDate, v.bookingClosesTime || '23:59')
		: null;
	if (v.bookingClosesDate && !closes)
		errors.bookingClosesDate = 'Enter a real date and time for booking to close';
	if (opens && closes && closes <= opens)
		errors.bookingClosesDate = 'Booking must close after it opens';
	return { opens, closes };
}
