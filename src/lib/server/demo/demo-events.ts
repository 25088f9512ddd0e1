// The demo catalogue: Birmingham events dated relative to the day it is seeded.
import { londonParts } from '../../london-time.ts';
import { trainingCourses } from './demo-courses.ts';
import {
	addDays,
	at,
	BRANCH_OFFICE,
	nextWeekday,
	QUESTIONS_ACCESS,
	QUESTIONS_SOCIAL,
	type CalendarDay,
	type DemoEvent
} from './demo-event-parts.ts';

export type { DemoEvent } from './demo-event-parts.ts';

export function buildDemoEvents(now: Date): DemoEvent[] {
	const p = londonParts(now);
	const today: CalendarDay = { year: p.year, month: p.month, day: p.day };
	return [
		...celebrations(today),
		...daysOfAction(today),
		...fuelGrantSessions(today),
		...trainingCourses(p)
	];
}

function celebrations(today: CalendarDay): DemoEvent[] {
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
		}
	];
}

function daysOfAction(today: CalendarDay): DemoEvent[] {
	return [
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
		}
	];
}

/** Three drop-in sessions where a welfare officer helps members apply for the winter fuel grant. */
function fuelGrantSessions(today: CalendarDay): DemoEvent[] {
	return [0, 1, 2].map((i): DemoEvent => ({
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
	}));
}
