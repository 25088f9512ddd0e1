// The demo catalogue: Birmingham events dated relative to the day it is seeded.
import type { EventCategory } from '../../event-categories.ts';
import { fromLondonTime, londonParts } from '../../london-time.ts';
import type { BookingQuestions } from '../db/schema/index.ts';

type CalendarDay = { year: number; month: number; day: number };

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

function addDays(day: CalendarDay, days: number): CalendarDay {
	const d = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
	return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The first given weekday (0 = Sunday) at least `minDays` after `from`. */
function nextWeekday(from: CalendarDay, weekday: number, minDays: number): CalendarDay {
	let day = addDays(from, minDays);
	while (new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay() !== weekday) {
		day = addDays(day, 1);
	}
	return day;
}

function at(day: CalendarDay, start: string, end: string) {
	const [sh, sm] = start.split(':').map(Number);
	const [eh, em] = end.split(':').map(Number);
	return {
		startsAt: fromLondonTime(day.year, day.month, day.day, sh, sm),
		endsAt: fromLondonTime(day.year, day.month, day.day, eh, em)
	};
}

const BRANCH_OFFICE = {
	venueName: 'Branch office, Bank House',
	venueAddress: '8 Cherry Street, Birmingham',
	venuePostcode: 'B2 5AL',
	accessNotes:
		'Step-free entrance on Cherry Street, lift to the second floor, accessible toilet, hearing loop in the meeting room.'
};

const QUESTIONS_ACCESS: BookingQuestions = { accessNeeds: true, dietary: false, employer: false };
const QUESTIONS_SOCIAL: BookingQuestions = { accessNeeds: true, dietary: true, employer: false };
const QUESTIONS_COURSE: BookingQuestions = { accessNeeds: true, dietary: true, employer: true };

export function buildDemoEvents(now: Date): DemoEvent[] {
	const p = londonParts(now);
	const today: CalendarDay = { year: p.year, month: p.month, day: p.day };
	// Regional training runs in January; seeded in January, it runs a month later instead.
	const trainingMonth = p.month === 1 ? { year: p.year, month: 2 } : { year: p.year + 1, month: 1 };
	const trainingStart = { ...trainingMonth, day: 1 };
	const firstTrainingDay = (weekday: number, weeksIn = 0) =>
		addDays(nextWeekday(trainingStart, weekday, 0), weeksIn * 7);
	const repCourseDay = firstTrainingDay(2, 1);
	const healthAndSafetyDay = firstTrainingDay(3, 2);

	return [
		{
			slug: 'branch-25th-anniversary-celebration',
			title: 'Branch 25th Anniversary Celebration',
			category: 'celebration',
			summary:
				'Twenty-five years of organising in Birmingham: food, music, our long-service awards and a few speeches.',
			description:
				'Join us to mark 25 years of the branch. There will be a hot buffet, a live band, and awards for members with 25 years of service.\n\nBring a partner or friend: each booking can include up to two guests. Tell us about dietary or access needs when you book and we will plan around them.',
			venueName: 'Ladywood Social Club',
			venueAddress: '52 Ledsam Street, Ladywood, Birmingham',
			venuePostcode: 'B16 8DN',
			accessNotes:
				'Ground-floor function room with step-free access from the car park. Accessible toilet. Blue badge parking by the entrance.',
			capacity: 150,
			guestsAllowed: 2,
			bookingQuestions: QUESTIONS_SOCIAL,
			sessions: [at(nextWeekday(today, 6, 21), '19:00', '23:30')],
			confirmed: 9
		},
		{
			slug: 'stars-in-our-schools-awards',
			title: 'Stars in Our Schools awards evening',
			category: 'celebration',
			summary:
				'Celebrating the teaching assistants, cooks, cleaners, caretakers and office staff who keep our schools running.',
			description:
				'Our annual awards for school support staff, nominated by colleagues, parents and pupils. Nominees and their families are especially welcome.\n\nSoft drinks and a light supper are served.',
			venueName: 'Midlands Arts Centre',
			venueAddress: 'Cannon Hill Park, Birmingham',
			venuePostcode: 'B12 9QH',
			accessNotes:
				'Step-free throughout, lifts to all floors, hearing loop in the theatre, accessible toilets on every floor.',
			capacity: 120,
			guestsAllowed: 1,
			bookingQuestions: QUESTIONS_SOCIAL,
			sessions: [at(nextWeekday(today, 5, 24), '18:30', '21:30')],
			confirmed: 4
		},
		{
			slug: 'windrush-national-day-of-action',
			title: 'Windrush National Day of Action',
			category: 'day-of-action',
			summary:
				'Stand with the Windrush generation and their families for justice, compensation and an end to the hostile environment.',
			description:
				'We gather in Victoria Square, hear from members and community speakers, then march together through the city centre.\n\nBranch banners and placards are provided. Let us know you are coming so we can plan stewards.',
			venueName: 'Victoria Square',
			venueAddress: 'City centre, Birmingham',
			venuePostcode: 'B1 1BB',
			accessNotes:
				'The square is step-free. The march route is about 1.5 miles on level pavements; a shorter accessible route is stewarded.',
			capacity: null,
			bookingQuestions: QUESTIONS_ACCESS,
			sessions: [at(nextWeekday(today, 6, 14), '11:00', '14:00')],
			confirmed: 6
		},
		{
			slug: 'home-care-workers-strike-rally',
			title: "Home care workers' strike rally",
			category: 'day-of-action',
			summary:
				'Home care workers are on strike over cuts to paid travel time. Come and show your support.',
			description:
				'Rally on the Council House steps during the lunchtime strike. Speakers from the strike committee and the branch.\n\nNo need to book: just turn up. Bring a flask; it will be cold.',
			venueName: 'Council House steps',
			venueAddress: 'Victoria Square, Birmingham',
			venuePostcode: 'B1 1BB',
			accessNotes: 'Open-air, step-free at pavement level beside the steps.',
			booking: 'none',
			capacity: null,
			bookingQuestions: QUESTIONS_ACCESS,
			sessions: [at(addDays(today, 9), '12:00', '13:30')],
			confirmed: 0
		},
		{
			slug: 'childrens-social-work-consultation-response',
			title: "Say no to privatising children's social work — consultation response session",
			category: 'day-of-action',
			summary:
				"Help write the branch's response to the council's plan to outsource children's social work.",
			description:
				'The council is consulting on moving children’s social work to an external provider. Social workers, family support workers and business support staff: come and tell us what it would mean, and we will write the branch response together.\n\nYou can join in person or online.',
			...BRANCH_OFFICE,
			onlineUrl: 'https://meet.example.org/branch-consultation',
			capacity: 40,
			bookingQuestions: QUESTIONS_ACCESS,
			sessions: [at(nextWeekday(today, 4, 10), '17:30', '19:30')],
			confirmed: 11
		},
		...[0, 1, 2].map((i): DemoEvent => ({
			slug: `winter-fuel-grant-help-session-${i + 1}`,
			title: 'Winter fuel grant help session',
			category: 'fuel-grant-session',
			summary:
				'Drop in for help applying for the £100 winter fuel grant: bring a recent bill and proof of income or benefits.',
			description:
				'A welfare officer will sit with you, check whether you are eligible and help you apply there and then. Everything is confidential.\n\nBring a recent energy bill or prepayment top-up receipt, and a payslip or benefit letter from the last three months.',
			...BRANCH_OFFICE,
			capacity: 12,
			bookingQuestions: QUESTIONS_ACCESS,
			sessions: [
				at(
					nextWeekday(today, [2, 4, 6][i], 5 + i * 7),
					i === 2 ? '10:00' : '16:00',
					i === 2 ? '13:00' : '19:00'
				)
			],
			confirmed: [7, 3, 0][i]
		})),
		{
			slug: 'introduction-to-being-a-workplace-rep',
			title: 'Introduction to being a workplace rep',
			category: 'course',
			summary:
				'Three Tuesday sessions for new and would-be reps: your role, your rights, and supporting members.',
			description:
				'This course covers what a workplace rep does, the legal right to paid time off for union duties and training, representing members at meetings, and organising your workplace.\n\nAttend all three sessions. We will send a release-time letter for your employer when you book.',
			...BRANCH_OFFICE,
			capacity: 16,
			bookingQuestions: QUESTIONS_COURSE,
			sessions: [0, 1, 2].map((week) => ({
				...at(addDays(repCourseDay, week * 7), '09:30', '16:00'),
				title: `Week ${week + 1}`
			})),
			confirmed: 5
		},
		{
			slug: 'health-and-safety-reps-stage-1',
			title: 'Health and safety reps stage 1',
			category: 'course',
			summary:
				'Two days on risk assessment, inspections and the legal powers of health and safety reps.',
			description:
				'For newly appointed health and safety reps. Covers the Safety Representatives and Safety Committees Regulations, risk assessment, workplace inspections and working with members on hazards.',
			...BRANCH_OFFICE,
			capacity: 16,
			bookingQuestions: QUESTIONS_COURSE,
			sessions: [0, 1].map((d) => ({
				...at(addDays(healthAndSafetyDay, d), '09:30', '16:30'),
				title: `Day ${d + 1}`
			})),
			confirmed: 8
		},
		{
			slug: 'equal-pay-know-your-rights',
			title: 'Equal pay: know your rights',
			category: 'course',
			summary: 'An evening session on equal pay law, job evaluation and how to raise a claim.',
			description:
				'Equal pay claims have changed pay for thousands of council workers in this city. Learn how equal pay law works, what job evaluation is, and what to do if you think you are paid less than a colleague doing work of equal value.',
			...BRANCH_OFFICE,
			onlineUrl: 'https://meet.example.org/equal-pay',
			capacity: 30,
			bookingQuestions: QUESTIONS_COURSE,
			sessions: [at(firstTrainingDay(4, 1), '18:00', '20:30')],
			confirmed: 12
		},
		{
			slug: 'mental-health-awareness-at-work',
			title: 'Mental health awareness at work',
			category: 'course',
			summary:
				'A one-day course on spotting the signs, supporting colleagues and negotiating reasonable adjustments.',
			description:
				'For reps and members who want to support colleagues with their mental health. Covers common conditions, the Equality Act, reasonable adjustments and looking after yourself.',
			venueName: 'Birmingham and Midland Institute',
			venueAddress: '9 Margaret Street, Birmingham',
			venuePostcode: 'B3 3BS',
			accessNotes:
				'Step-free entrance on Margaret Street with a lift to the Lecture Room. Quiet room available.',
			capacity: 20,
			bookingQuestions: QUESTIONS_COURSE,
			sessions: [at(firstTrainingDay(1, 2), '09:30', '16:00')],
			confirmed: 14
		},
		{
			slug: 'negotiating-skills-for-reps',
			title: 'Negotiating skills for reps',
			category: 'course',
			summary:
				'A practical one-day course on preparing for and leading negotiations with managers.',
			description:
				'Role-play based course on planning a negotiation, building a case from members’ evidence, and reaching and recording an agreement. This course is full: join the waiting list and we will offer you a place if one comes up.',
			...BRANCH_OFFICE,
			capacity: 12,
			bookingQuestions: QUESTIONS_COURSE,
			sessions: [at(firstTrainingDay(5, 1), '09:30', '16:00')],
			confirmed: 12,
			waiting: 3
		}
	];
}
