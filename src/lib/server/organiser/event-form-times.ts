// The times typed into the event form: each session's date, start and end, and the window
// booking is open. They are London wall times and become UTC instants here.
import * as v from 'valibot';
import { fromLondonTime } from '../../london-time.ts';
import { parseIsoDate } from '../../plain-date.ts';
import { acrossFields, checkForm } from '../form-schema.ts';
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
export function readSessions(form: EventFormValues, errors: EventFormErrors) {
	const sessions: { startsAt: Date; endsAt: Date }[] = [];
	form.sessions.forEach((row, i) => {
		if (!row.date && !row.start && !row.end) return;
		const date = parseIsoDate(row.date);
		const start = parseTime(row.start);
		const end = parseTime(row.end);
		const n = form.sessions.length > 1 ? ` for session ${i + 1}` : '';
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

type BookingWindow = Record<(typeof BOOKING_WINDOW_FIELDS)[number], string>;

const opensAt = (f: BookingWindow) =>
	f.bookingOpensDate ? parseMoment(f.bookingOpensDate, f.bookingOpensTime) : null;
const closesAt = (f: BookingWindow) =>
	f.bookingClosesDate ? parseMoment(f.bookingClosesDate, f.bookingClosesTime || '23:59') : null;

/** When booking opens and closes; either may be left blank, and a close with no time is at 23:59. */
const BOOKING_WINDOW = v.pipe(
	v.object({
		bookingOpensDate: v.string(),
		bookingOpensTime: v.string(),
		bookingClosesDate: v.string(),
		bookingClosesTime: v.string()
	}),
	acrossFields<BookingWindow>(
		['bookingOpensDate'],
		(f) => !f.bookingOpensDate || opensAt(f) !== null,
		'Enter a real date and time for booking to open'
	),
	acrossFields<BookingWindow>(
		['bookingClosesDate'],
		(f) => !f.bookingClosesDate || closesAt(f) !== null,
		'Enter a real date and time for booking to close'
	),
	acrossFields<BookingWindow>(
		['bookingClosesDate', 'bookingOpensDate'],
		(f) => {
			const [opens, closes] = [opensAt(f), closesAt(f)];
			return !opens || !closes || closes > opens;
		},
		'Booking must close after it opens'
	),
	v.transform((f) => ({ opens: opensAt(f), closes: closesAt(f) }))
);

/** The booking window typed; its messages are added to `errors`, after the sessions'. */
export function readBookingWindow(form: EventFormValues, errors: EventFormErrors) {
	const { bookingOpensDate, bookingOpensTime, bookingClosesDate, bookingClosesTime } = form;
	const window = { bookingOpensDate, bookingOpensTime, bookingClosesDate, bookingClosesTime };
	const checked = checkForm(BOOKING_WINDOW, window);
	if (checked.ok) return checked.data;
	Object.assign(errors, checked.errors);
	return { opens: null, closes: null };
}
