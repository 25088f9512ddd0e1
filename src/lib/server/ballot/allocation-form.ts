// Reading the organiser's allocation form: first come, first served, or a ballot with an entry
// window and a draw time (London wall times), and the priority rule. Every field comes back as
// typed, with GOV.UK messages by the fields when something needs fixing.
import { fromLondonTime, toLondonIso } from '../../london-time.ts';
import { parseIsoDate } from '../../plain-date.ts';
import type { Event, EventBallot } from '../db/schema/index.ts';
import { formText } from '../forms.ts';

export const ALLOCATION_FIELDS = [
	'allocation',
	'entriesOpenDate',
	'entriesOpenTime',
	'entriesCloseDate',
	'entriesCloseTime',
	'drawDate',
	'drawTime'
] as const;
type Field = (typeof ALLOCATION_FIELDS)[number];

export type AllocationValues = Record<Field, string> & { priority: boolean };
export type AllocationErrors = Partial<Record<Field, string>>;

export type AllocationChoice =
	| { mode: 'first-come' }
	| {
			mode: 'ballot';
			entriesOpenAt: Date;
			entriesCloseAt: Date;
			drawAt: Date;
			priority: boolean;
	  };

export function readAllocationForm(form: FormData): AllocationValues {
	const values = Object.fromEntries(ALLOCATION_FIELDS.map((f) => [f, formText(form, f)]));
	return { ...(values as Record<Field, string>), priority: form.get('priority') === 'yes' };
}

const split = (at: Date | null | undefined) => {
	if (!at) return ['', ''];
	const iso = toLondonIso(at);
	return [iso.slice(0, 10), iso.slice(11)];
};

/** The form filled from the event as saved. */
export function allocationFormValues(
	event: Pick<Event, 'allocation'>,
	ballot: EventBallot | null
): AllocationValues {
	const [entriesOpenDate, entriesOpenTime] = split(ballot?.entriesOpenAt);
	const [entriesCloseDate, entriesCloseTime] = split(ballot?.entriesCloseAt);
	const [drawDate, drawTime] = split(ballot?.drawAt);
	return {
		allocation: event.allocation,
		entriesOpenDate,
		entriesOpenTime,
		entriesCloseDate,
		entriesCloseTime,
		drawDate,
		drawTime,
		priority: ballot?.priority ?? false
	};
}

function parseMoment(date: string, time: string) {
	const d = parseIsoDate(date);
	const t = /^(\d{1,2})[:.](\d{2})$/.exec(time);
	if (!d || !t || Number(t[1]) > 23 || Number(t[2]) > 59) return null;
	return fromLondonTime(d.y, d.mo, d.d, Number(t[1]), Number(t[2]));
}

/** Checks the form against the event's first session; the choice exists only when all is well. */
export function validateAllocationForm(
	v: AllocationValues,
	firstSessionStart: Date
): { ok: true; choice: AllocationChoice } | { ok: false; errors: AllocationErrors } {
	if (v.allocation === 'first-come') return { ok: true, choice: { mode: 'first-come' } };
	if (v.allocation !== 'ballot')
		return { ok: false, errors: { allocation: 'Select how places are given' } };
	const errors: AllocationErrors = {};
	const opens = parseMoment(v.entriesOpenDate, v.entriesOpenTime || '00:00');
	const closes = parseMoment(v.entriesCloseDate, v.entriesCloseTime || '12:00');
	if (!opens)
		errors.entriesOpenDate = 'Enter the date and time entries open, for example 2027-01-05 09:00';
	if (!closes)
		errors.entriesCloseDate = 'Enter the date and time entries close, for example 2027-01-12 12:00';
	else if (opens && closes <= opens) errors.entriesCloseDate = 'Entries must close after they open';
	let draw = closes;
	if (v.drawDate || v.drawTime) {
		draw = parseMoment(v.drawDate || v.entriesCloseDate, v.drawTime);
		if (!draw) errors.drawDate = 'Enter the date and time of the draw, or leave both blank';
		else if (closes && draw < closes) errors.drawDate = 'The draw must be at or after the close';
	}
	if (draw && draw >= firstSessionStart && !errors.drawDate && !errors.entriesCloseDate)
		errors.drawDate = 'The draw must be before the event starts';
	if (Object.keys(errors).length || !opens || !closes || !draw) return { ok: false, errors };
	return {
		ok: true,
		choice: {
			mode: 'ballot',
			entriesOpenAt: opens,
			entriesCloseAt: closes,
			drawAt: draw,
			priority: v.priority
		}
	};
}
