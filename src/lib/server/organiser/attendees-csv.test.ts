import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { createBooking, createEvent, createMember, emptyDatabase } from '../testing/fixtures.ts';
import { attendeesCsv } from './attendees-csv.ts';
import { listAttendees } from './attendees.ts';

beforeEach(async () => {
	await emptyDatabase();
});

const rowsOf = (csv: string) =>
	csv
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n')
		.map((row) => row.split(','));

describe('the attendee spreadsheet', () => {
	it('numbers the waiting list as the attendee page and the member see it', async () => {
		const event = await createEvent({ capacity: 1 });
		await createBooking(event, { status: 'offered', waitlistPosition: 1 });
		const first = await createMember({ name: 'Ann First' });
		const second = await createMember({ name: 'Bob Second' });
		await createBooking(event, { userId: second.id, status: 'waitlisted', waitlistPosition: 5 });
		await createBooking(event, { userId: first.id, status: 'waitlisted', waitlistPosition: 3 });

		const attendees = await listAttendees(event.id);
		const waiting = attendees.filter((a) => a.status === 'waitlisted');
		expect(waiting.map((a) => [a.name, a.waitingNumber])).toEqual([
			['Ann First', 1],
			['Bob Second', 2]
		]);
		const rows = rowsOf(attendeesCsv(attendees));
		const column = rows[0].indexOf('Waiting list position');
		expect(rows.filter((r) => r[3] === 'Waiting').map((r) => [r[0], r[column]])).toEqual([
			['Ann First', '1'],
			['Bob Second', '2']
		]);
	});

	it('has a column for each own question, formula-safe, under today’s wording', async () => {
		const event = await createEvent();
		const now = new Date();
		const [question] = await db
			.insert(table.bookingQuestions)
			.values({
				eventId: event.id,
				type: 'short-text',
				wording: 'Workplace now',
				position: 1,
				createdAt: now,
				updatedAt: now
			})
			.returning();
		const member = await createMember({ name: 'Cat Cell' });
		await createBooking(event, {
			userId: member.id,
			answers: {
				questions: [
					{
						questionId: question.id,
						question: 'Workplace',
						answer: '=HYPERLINK("x")',
						sensitive: false
					}
				]
			}
		});
		const csv = attendeesCsv(await listAttendees(event.id), [question]);
		const [header, row] = csv
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(header.endsWith(',Workplace now')).toBe(true);
		expect(row.endsWith(`,"'=HYPERLINK(""x"")"`)).toBe(true);
	});
});
