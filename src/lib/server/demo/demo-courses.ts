// The demo's training courses, run in the regional training month (January, or February
// when the demo is seeded in January): multi-session rep courses and one-day courses.
import {
	addDays,
	at,
	BRANCH_OFFICE,
	nextWeekday,
	QUESTIONS_COURSE,
	type CalendarDay,
	type DemoEvent
} from './demo-event-parts.ts';

export function trainingCourses(today: { year: number; month: number }): DemoEvent[] {
	const trainingMonth =
		today.month === 1 ? { year: today.year, month: 2 } : { year: today.year + 1, month: 1 };
	const trainingStart: CalendarDay = { ...trainingMonth, day: 1 };
	/** The first given weekday (0 = Sunday) of the training month, `weeksIn` weeks on. */
	const trainingDay = (weekday: number, weeksIn = 0) =>
		addDays(nextWeekday(trainingStart, weekday, 0), weeksIn * 7);
	return [...repCourses(trainingDay), ...oneDayCourses(trainingDay)];
}

type TrainingDay = (weekday: number, weeksIn?: number) => CalendarDay;

function repCourses(firstTrainingDay: TrainingDay): DemoEvent[] {
	const repCourseDay = firstTrainingDay(2, 1);
	const healthAndSafetyDay = firstTrainingDay(3, 2);
	return [
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
		}
	];
}

function oneDayCourses(firstTrainingDay: TrainingDay): DemoEvent[] {
	return [
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
