// What the demo catalogue is built from: its event shape, calendar arithmetic in London
// time, the branch office as a venue and the question sets events ask.
import type { EventCategory } from '../../event-categories.ts';
import { fromLondonTime } from '../../london-time.ts';
import type { BookingQuestions } from '../db/schema/index.ts';

export type CalendarDay = { year: number; month: number; day: number };

export type DemoEvent = {
	slug: string;
	title: string;
	category: EventCategory;
	summary: string;
	description: string;
	venueName?: string;
	venueAddress?: string;
	venuePostcode?: string;
	accessNotes?: string;
	onlineUrl?: string;
	booking?: 'required' | 'none';
	capacity: number | null;
	guestsAllowed?: number;
	membersOnly?: boolean;
	bookingQuestions: BookingQuestions;
	sessions: { startsAt: Date; endsAt: Date; title?: string }[];
	/** How many demo members already hold a confirmed place, and how many are waiting. */
	confirmed: number;
	waiting?: number;
};

export function addDays(day: CalendarDay, days: number): CalendarDay {
	const d = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
	return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The first given weekday (0 = Sunday) at least `minDays` after `from`. */
export function nextWeekday(from: CalendarDay, weekday: number, minDays: number): CalendarDay {
	let day = addDays(from, minDays);
	while (new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay() !== weekday) {
		day = addDays(day, 1);
	}
	return day;
}

export function at(day: CalendarDay, start: string, end: string) {
	const [sh, sm] = start.split(':').map(Number);
	const [eh, em] = end.split(':').map(Number);
	return {
		startsAt: fromLondonTime(day.year, day.month, day.day, sh, sm),
		endsAt: fromLondonTime(day.year, day.month, day.day, eh, em)
	};
}

export const BRANCH_OFFICE = {
	venueName: 'Branch office, Bank House',
	venueAddress: '8 Cherry Street, Birmingham',
	venuePostcode: 'B2 5AL',
	accessNotes:
		'Step-free entrance on Cherry Street, lift to the second floor, accessible toilet, hearing loop in the meeting room.'
};

export const QUESTIONS_ACCESS: BookingQuestions = {
	accessNeeds: true,
	dietary: false,
	employer: false
};
export const QUESTIONS_SOCIAL: BookingQuestions = {
	accessNeeds: true,
	dietary: true,
	employer: false
};
export const QUESTIONS_COURSE: BookingQuestions = {
	accessNeeds: true,
	dietary: true,
	employer: true
};
