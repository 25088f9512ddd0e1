// The times typed into the event form: each session's date, start and end, and the window
// booking is open, each declared as a Valibot schema with its rules across fields. They are
// London wall times and become UTC instants here.
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

type SessionRow = EventFormValues['sessions'][number];
const blank = (row: SessionRow) => !row.date && !row.start && !row.end;

/** One session row; `n` names it when the form has more than one. A blank row is no session. */
const sessionRow = (n: string) =>
	v.pipe(
		v.object({ date: v.string(), start: v.string(), end: v.string() }),
		acrossFields<SessionRow>(
			['date'],
			(row) => blank(row) || parseIsoDate(row.date) !== null,
			`Enter a real date${n}, for example 2027-01-14`
		),
		acrossFields<SessionRow>(
			['start', 'date'],
			(row) => blank(row) || parseTime(row.start) !== null,
			`Enter a start time${n}, for example 18:30`
		),
		acrossFields<SessionRow>(
			['end', 'start', 'date'],
			(row) => blank(row) || parseTime(row.end) !== null,
			`Enter an end time${n}, for example 20:30`
		),
		acrossFields<SessionRow>(
			['end', 'start', 'date'],
			(row) => blank(row) || at(row.date, row.end) > at(row.date, row.start),
			`The end time${n} must be after the start time`
		),
		v.transform((row) =>
			blank(row) ? null : { startsAt: at(row.date, row.start), endsAt: at(row.date, row.end) }
		)
	);

/** A London wall time on a date, both already checked. */
const at = (date: string, time: string) => {
	const d = parseIsoDate(date)!;
	const t = parseTime(time)!;
	return fromLondonTime(d.y, d.mo, d.d, t.h, t.min);
};

/** Every row, each read on its own, and at least one session unless a row needs fixing. */
const sessionRows = (count: number) =>
	v.object({
		sessions: v.pipe(
			v.tuple(
				Array.from({ length: count }, (_, i) =>
					sessionRow(count > 1 ? ` for session ${i + 1}` : '')
				)
			),
			v.rawCheck(({ dataset, addIssue }) => {
				if (dataset.issues || !dataset.typed || dataset.value.some((row) => row !== null)) return;
				const rows = dataset.value;
				addIssue({
					message: 'Enter the date and times of at least one session',
					path: [
						{ type: 'array', origin: 'value', input: rows, key: 0, value: rows[0] },
						{ type: 'object', origin: 'value', input: {}, key: 'date', value: '' }
					]
				});
			})
		)
	});

/** `session-1-end`: a session row's field, as the form names it. */
const sessionField = (keys: readonly (string | number)[]) => `session-${keys[1]}-${keys[2]}`;

/** The sessions typed, in time order; a row left wholly blank is skipped. */
export function readSessions(form: EventFormValues, errors: EventFormErrors) {
	const checked = checkForm(
		sessionRows(form.sessions.length),
		{ sessions: form.sessions },
		{ fieldName: sessionField }
	);
	if (!checked.ok) {
		Object.assign(errors, checked.errors);
		return [];
	}
	const sessions = checked.data.sessions.filter((session) => session !== null);
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
