// Reading the event form: every field back as typed (so nothing is lost on a refusal), the
// messages GOV.UK-style next to each field, and the event it describes when all is well. The
// fields are declared in one Valibot schema; dates and times are London wall times, read in
// event-form-times.ts.
import * as v from 'valibot';
import { eventCategories, type EventCategory } from '../../event-categories.ts';
import { toLondonIso } from '../../london-time.ts';
import { londonDate } from '../../plain-date.ts';
import type { BookingQuestions, Event, EventSession } from '../db/schema/index.ts';
import { formFields, formText } from '../forms.ts';
import { acrossFields, checkForm, orNull, requiredText, wholeNumber } from '../form-schema.ts';
import { BOOKING_WINDOW_FIELDS, readBookingWindow, readSessions } from './event-form-times.ts';

export const MAX_SESSIONS = 12;

const HTTPS_LINK = /^https:\/\/[^\s]+$/;
const WHOLE_NUMBER = /^\d{1,6}$/;
const CAPACITY = 'Capacity must be a whole number of places, 1 or more, or left blank';

/**
 * The event form's own fields and their messages. The booking window's dates and times are read
 * with the sessions in event-form-times.ts, as each date means something only with its time.
 */
const EVENT_TEXT = v.object({
	title: requiredText('Enter a title', 120, 'Title must be 120 characters or fewer'),
	category: v.picklist(eventCategories, 'Select what kind of event this is'),
	summary: requiredText('Enter a one-line summary', 200, 'Summary must be 200 characters or fewer'),
	description: v.pipe(v.string(), v.nonEmpty('Enter a description')),
	venueName: orNull,
	venueAddress: orNull,
	venuePostcode: v.pipe(v.string(), v.toUpperCase(), orNull),
	accessNotes: orNull,
	onlineUrl: v.pipe(
		v.string(),
		v.check((url) => !url || HTTPS_LINK.test(url), 'Enter an online link starting with https://'),
		orNull
	),
	capacity: v.pipe(
		v.string(),
		v.check((places) => !places || (WHOLE_NUMBER.test(places) && Number(places) >= 1), CAPACITY),
		v.transform((places) => (places ? Number(places) : null))
	),
	guestsAllowed: v.pipe(
		v.string(),
		v.transform((guests) => guests || '0'),
		wholeNumber('Guests allowed must be a whole number from 0 to 10', {
			max: 10,
			digits: WHOLE_NUMBER
		})
	)
});

const EVENT_FIELDS = v.pipe(
	EVENT_TEXT,
	acrossFields(
		['venueName', 'onlineUrl'],
		(event) => Boolean(event.venueName || event.onlineUrl),
		'Enter a venue name or an online link'
	)
);

export const TEXT_FIELDS = [
	...(Object.keys(EVENT_TEXT.entries) as (keyof typeof EVENT_TEXT.entries)[]),
	...BOOKING_WINDOW_FIELDS
];
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
	const values = formFields(form, TEXT_FIELDS);
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

/** Checks every field; the draft exists only when there is nothing to fix. */
export function validateEventForm(
	values: EventFormValues
): { ok: true; draft: EventDraft } | { ok: false; errors: EventFormErrors } {
	const fields = checkForm(EVENT_FIELDS, values);
	const errors: EventFormErrors = fields.ok ? {} : { ...fields.errors };
	const sessions = readSessions(values, errors);
	const { opens, closes } = readBookingWindow(values, errors);
	if (!fields.ok || Object.keys(errors).length) return { ok: false, errors };
	return {
		ok: true,
		draft: {
			...fields.data,
			bookingOpensAt: opens,
			bookingClosesAt: closes,
			membersOnly: values.membersOnly,
			bookingQuestions: values.questions,
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
