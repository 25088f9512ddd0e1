// Questions an event's organisers add to its booking form, beside the built-in access, dietary
// and employer ones. Answers live on the booking itself (bookings.answers.questions), each with
// the wording the member saw, so editing or hiding a question never changes an answer given.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { bookingQuestionTypes } from '../../../booking-question-types.ts';
import { eventColumn } from './events.ts';

export const bookingQuestions = sqliteTable(
	'booking_questions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		eventId: eventColumn(),
		type: text('type', { enum: bookingQuestionTypes as [string, ...string[]] })
			.$type<(typeof bookingQuestionTypes)[number]>()
			.notNull(),
		wording: text('wording').notNull(),
		hint: text('hint'),
		/** The choices, in order, for the list types; empty otherwise. */
		options: text('options', { mode: 'json' }).$type<string[]>().notNull().default([]),
		required: integer('required', { mode: 'boolean' }).notNull().default(false),
		/** Special-category data: erased 30 days after the event, like access needs. */
		sensitive: integer('sensitive', { mode: 'boolean' }).notNull().default(false),
		/** No longer asked; answers already given are kept and still shown. */
		hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
		position: integer('position').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('booking_questions_event_idx').on(t.eventId, t.position)]
);

export type BookingQuestion = typeof bookingQuestions.$inferSelect;
