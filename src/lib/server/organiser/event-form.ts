// Reading the event form: every field back as typed (so nothing is lost on a refusal), the
// messages GOV.UK-style next to each field, and the event it describes when all is well.
// Dates and times are London wall times, read in event-form-times.ts.
import { eventCategories, type EventCategory } from '../../event-categories.ts';
import { toLondonIso } from '../../london-time.ts';
import { londonDate } from '../../plain-date.ts';
import type { BookingQuestions, Event, EventSession } from '../db/schema/index.ts';
import { formText } from '../forms.ts';
import { readBookingWindow, readSessions } from './event-form-times.ts';

export const MAX_SESSIONS = 12;
export const TEXT_FIELDS = [
	'title',
	'category',
	'summary',
	'description',
	'venueName',
	'venueAddress',
	'venuePostcode',
	'accessNotes',
	'onlineUrl',
	'capacity',
	'guestsAllowed',
	'bookingOpensDate',
	'bookingOpensTime',
	'bookingClosesDate',
	'bookingClosesTime'
] as const;
type TextField = (typeof TEXT_FIELDS)[number];

export type SessionRow = { date: string; start: string; end: string };
export type EventFormValues = Record<TextField, string> & {
	membersOnly: boolean;
	questions: BookingQuestions;
	sessions: SessionRow[];
};
export type EventFormErrors = Record<string, string>;

export type EventDraft = {
	title: string;
	category: EventCategory;
	summary: string;
	description: string;
	venueName: string | null;
	venueAddress: string | null;
	venuePostcode: string | null;
	accessNotes: string | null;
	onlineUrl: string | null;
	capacity: number | null;
	guestsAllowed: number;
	bookingOpensAt: Date | null;
	bookingClosesAt: Date | null;
	membersOnly: boolean;
	bookingQuestions: BookingQuestions;
	sessions: { startsAt: Date; endsAt: Date }[];
};

/** The form as typed. Blank session rows are kept so the page shows them again. */
export function readEventForm(form: FormData): EventFormValues {
	const values = Object.fromEntries(TEXT_FIELDS.map((f) => [f, formText(form, f)])) as Record<
		TextField,
		string
	>;
	const rows = Math.min(Math.max(Number(formText(form, 'sessionRows')) || 1, 1), MAX_SESSIONS);
	const sessions = Array.from({ length: rows }, (_, i) => ({
		date: formText(form, `session-${i}-date`),
		start: formText(form, `session-${i}-start`),
		end: formText(form, `session-${i}-end`)
	}));
	return {
		...values,
		membersOnly: form.get('membersOnly') === 'yes',
		questions: {
			accessNeeds: form.get('askAccessNeeds') === 'yes',
			dietary: form.get('askDietary') === 'yes',
			employer: form.get('askEmployer') === 'yes'
		},
		sessions
	};
}

/** The form as typed, less the session row whose Remove button was pressed; one row always stays. */
export function withoutSessionRow(values: EventFormValues, index: string): EventFormValues {
	const i = Number(index);
	if (!Number.isInteger(i) || i < 0 || i >= values.sessions.length) return values;
	const sessions = values.sessions.filter((_, n) => n !== i);
	return { ...values, sessions: sessions.length ? sessions : [{ date: '', start: '', end: '' }] };
}

const dateField = londonDate;
/** "19:00", the London time of day in a time field. */
const timeField = (d: Date) => toLondonIso(d).slice(11);

/** The form filled from a saved event, for editing. */
export function eventFormValues(event: Event, sessions: EventSession[]): EventFormValues {
	return {
		title: event.title,
		category: event.category,
		summary: event.summary,
		description: event.description,
		venueName: event.venueName ?? '',
		venueAddress: event.venueAddress ?? '',
		venuePostcode: event.venuePostcode ?? '',
		accessNotes: event.accessNotes ?? '',
		onlineUrl: event.onlineUrl ?? '',
		capacity: event.capacity === null ? '' : String(event.capacity),
		guestsAllowed: String(event.guestsAllowed),
		bookingOpensDate: event.bookingOpensAt ? dateField(event.bookingOpensAt) : '',
		bookingOpensTime: event.bookingOpensAt ? timeField(event.bookingOpensAt) : '',
		bookingClosesDate: event.bookingClosesAt ? dateField(event.bookingClosesAt) : '',
		bookingClosesTime: event.bookingClosesAt ? timeField(event.bookingClosesAt) : '',
		membersOnly: event.membersOnly,
		questions: event.bookingQuestions,
		sessions: sessions.map((s) => ({
			date: dateField(s.startsAt),
			start: timeField(s.startsAt),
			end: timeField(s.endsAt)
		}))
	};
}

export function blankEventForm(): EventFormValues {
	return {
		...(Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as Record<TextField, string>),
		category: '',
		guestsAllowed: '0',
		membersOnly: false,
		questions: { accessNeeds: true, dietary: false, employer: false },
		sessions: [{ date: '', start: '', end: '' }]
	};
}

const wholeNumber = (value: string) => (/^\d{1,6}$/.test(value) ? Number(value) : null);

function checkDescription(v: EventFormValues, errors: EventFormErrors) {
	if (!v.title) errors.title = 'Enter a title';
	else if (v.title.length > 120) errors.title = 'Title must be 120 characters or fewer';
	if (!eventCategories.includes(v.category as EventCategory))
		errors.category = 'Select what kind of event this is';
	if (!v.summary) errors.summary = 'Enter a one-line summary';
	else if (v.summary.length > 200) errors.summary = 'Summary must be 200 characters or fewer';
	if (!v.description) errors.description = 'Enter a description';
	if (!v.venueName && !v.onlineUrl) errors.venueName = 'Enter a venue name or an online link';
	if (v.onlineUrl && !/^https:\/\/[^\s]+$/.test(v.onlineUrl))
		errors.onlineUrl = 'Enter an online link starting with https://';
}

function readPlaces(v: EventFormValues, errors: EventFormErrors) {
	const capacity = v.capacity ? wholeNumber(v.capacity) : null;
	if (v.capacity && (capacity === null || capacity < 1))
		errors.capacity = 'Capacity must be a whole number of places, 1 or more, or left blank';
	const guests = wholeNumber(v.guestsAllowed || '0');
	if (guests === null || guests > 10)
		errors.guestsAllowed = 'Guests allowed must be a whole number from 0 to 10';
	return { capacity, guestsAllowed: guests ?? 0 };
}

/** Checks every field; the draft exists only when there is nothing to fix. */
export function validateEventForm(
	v: EventFormValues
): { ok: true; draft: EventDraft } | { ok: false; errors: EventFormErrors } {
	const errors: EventFormErrors = {};
	checkDescription(v, errors);
	const sessions = readSessions(v, errors);
	const { capacity, guestsAllowed } = readPlaces(v, errors);
	const { opens, closes } = readBookingWindow(v, errors);
	if (Object.keys(errors).length) return { ok: false, errors };
	const orNull = (s: string) => s || null;
	return {
		ok: true,
		draft: {
			title: v.title,
			category: v.category as EventCategory,
			summary: v.summary,
			description: v.description,
			venueName: orNull(v.venueName),
			venueAddress: orNull(v.venueAddress),
			venuePostcode: orNull(v.venuePostcode.toUpperCase()),
			accessNotes: orNull(v.accessNotes),
			onlineUrl: orNull(v.onlineUrl),
			capacity,
			guestsAllowed,
			bookingOpensAt: opens,
			bookingClosesAt: closes,
			membersOnly: v.membersOnly,
			bookingQuestions: v.questions,
			sessions
		}
	};
}

/** "Branch AGM 2027!" → "branch-agm-2027" */
export function slugFromTitle(title: string) {
	const slug = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return slug || 'event';
}
