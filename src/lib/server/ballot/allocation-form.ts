// Reading the organiser's allocation form: first come, first served, or a ballot with an entry
// window and a draw time (London wall times), and the priority rule. Every field comes back as
// typed, with GOV.UK messages by the fields when something needs fixing. The fields and their
// rules across each other are declared in one Valibot schema.
import * as v from 'valibot';
import { fromLondonTime, toLondonIso } from '../../london-time.ts';
import { parseIsoDate } from '../../plain-date.ts';
import type { Event, EventBallot } from '../db/schema/index.ts';
import { acrossFields, checkForm, problemAcrossFields } from '../form-schema.ts';
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

/**
 * The moments typed: entries open at midnight and close at noon when no time is given, and the
 * draw is at the close unless a draw date or time is typed (a draw time alone is on the close's
 * day).
 */
function ballotMoments(f: AllocationValues) {
	const opens = parseMoment(f.entriesOpenDate, f.entriesOpenTime || '00:00');
	const closes = parseMoment(f.entriesCloseDate, f.entriesCloseTime || '12:00');
	const drawTyped = Boolean(f.drawDate || f.drawTime);
	const draw = drawTyped ? parseMoment(f.drawDate || f.entriesCloseDate, f.drawTime) : closes;
	return { opens, closes, draw, drawTyped };
}

/** The draw is checked against the close even when the close is before the open: both are said. */
function drawProblem(f: AllocationValues) {
	const { closes, draw, drawTyped } = ballotMoments(f);
	if (!drawTyped) return null;
	if (!draw) return 'Enter the date and time of the draw, or leave both blank';
	return closes && draw < closes ? 'The draw must be at or after the close' : null;
}

type BallotForm = AllocationValues & { allocation: 'ballot' };

const FIRST_COME = v.pipe(
	v.object({ allocation: v.literal('first-come') }),
	v.transform((): AllocationChoice => ({ mode: 'first-come' }))
);

const ballot = (firstSessionStart: Date) =>
	v.pipe(
		v.object({
			allocation: v.literal('ballot'),
			entriesOpenDate: v.string(),
			entriesOpenTime: v.string(),
			entriesCloseDate: v.string(),
			entriesCloseTime: v.string(),
			drawDate: v.string(),
			drawTime: v.string(),
			priority: v.boolean()
		}),
		acrossFields<BallotForm>(
			['entriesOpenDate'],
			(f) => ballotMoments(f).opens !== null,
			'Enter the date and time entries open, for example 2027-01-05 09:00'
		),
		acrossFields<BallotForm>(
			['entriesCloseDate'],
			(f) => ballotMoments(f).closes !== null,
			'Enter the date and time entries close, for example 2027-01-12 12:00'
		),
		acrossFields<BallotForm>(
			['entriesCloseDate', 'entriesOpenDate'],
			(f) => ballotMoments(f).closes! > ballotMoments(f).opens!,
			'Entries must close after they open'
		),
		problemAcrossFields<BallotForm>(['drawDate'], drawProblem),
		acrossFields<BallotForm>(
			['drawDate', 'entriesCloseDate'],
			(f) => ballotMoments(f).draw! < firstSessionStart,
			'The draw must be before the event starts'
		),
		v.transform((f): AllocationChoice => {
			const { opens, closes, draw } = ballotMoments(f);
			const [entriesOpenAt, entriesCloseAt, drawAt] = [opens!, closes!, draw!];
			return { mode: 'ballot', entriesOpenAt, entriesCloseAt, drawAt, priority: f.priority };
		})
	);

/** Checks the form against the event's first session; the choice exists only when all is well. */
export function validateAllocationForm(
	values: AllocationValues,
	firstSessionStart: Date
): { ok: true; choice: AllocationChoice } | { ok: false; errors: AllocationErrors } {
	const allocation = v.variant(
		'allocation',
		[FIRST_COME, ballot(firstSessionStart)],
		'Select how places are given'
	);
	const checked = checkForm(allocation, values);
	return checked.ok ? { ok: true, choice: checked.data } : { ok: false, errors: checked.errors };
}
