// Places on events: confirmed, waiting, offered or cancelled; one live booking per member and event.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAtColumn } from './columns.ts';
import { eventColumn } from './events.ts';
import { memberColumn } from './users.ts';

export const bookingStatuses = ['confirmed', 'waitlisted', 'offered', 'cancelled'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

/** An answer to one of the organiser's own questions, as the member gave it. */
export type QuestionAnswer = {
	questionId: number;
	/** The question's wording when the member answered. */
	question: string;
	/** Text as typed, the options chosen, 'Yes' or 'No', or a number as written. */
	answer: string | string[];
	/** Special-category: erased 30 days after the event. */
	sensitive: boolean;
};

export type BookingAnswers = {
	accessNeeds?: string[];
	accessNotes?: string;
	dietary?: string;
	employer?: string;
	questions?: QuestionAnswer[];
};

export const bookings = sqliteTable(
	'bookings',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** Random and stable: names the booking in calendar UIDs and links, known before it is written. */
		uid: text('uid').notNull().unique(),
		eventId: eventColumn(),
		userId: memberColumn(),
		status: text('status', { enum: bookingStatuses }).notNull(),
		waitlistPosition: integer('waitlist_position'),
		offerExpiresAt: integer('offer_expires_at', { mode: 'timestamp_ms' }),
		answers: text('answers', { mode: 'json' }).$type<BookingAnswers>(),
		guests: integer('guests').notNull().default(0),
		checkedInAt: integer('checked_in_at', { mode: 'timestamp_ms' }),
		createdAt: createdAtColumn(),
		cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
		/**
		 * Set by every status change. Statements later in the same batch match on it, so an email
		 * is queued only if the change it announces really happened.
		 */
		statusChangedAt: integer('status_changed_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('bookings_one_live_per_member')
			.on(t.eventId, t.userId)
			.where(sql`${t.status} <> 'cancelled'`),
		uniqueIndex('bookings_waitlist_position')
			.on(t.eventId, t.waitlistPosition)
			.where(sql`${t.status} = 'waitlisted'`),
		// guests too, so counting the places taken on an event reads the index alone.
		index('bookings_event_status_idx').on(t.eventId, t.status, t.guests),
		index('bookings_user_idx').on(t.userId),
		// The offer-expiry job looks for offers past their time in every process, every pass.
		// Partial, so no query about other statuses takes it for a shortcut.
		index('bookings_offer_expiry_idx')
			.on(t.offerExpiresAt)
			.where(sql`${t.status} = 'offered'`)
	]
);

export type Booking = typeof bookings.$inferSelect;
