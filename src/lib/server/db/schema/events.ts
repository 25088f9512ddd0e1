// Branch events and their dated sessions (all times stored as UTC instants).
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { eventCategories } from '../../../event-categories.ts';
import { createdAtColumn, updatedAtColumn } from './columns.ts';
import { memberColumn, users } from './users.ts';

export type BookingQuestions = { accessNeeds: boolean; dietary: boolean; employer: boolean };

export const events = sqliteTable(
	'events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		slug: text('slug').notNull().unique(),
		title: text('title').notNull(),
		category: text('category', { enum: eventCategories }).notNull(),
		summary: text('summary').notNull(),
		description: text('description').notNull(),
		venueName: text('venue_name'),
		venueAddress: text('venue_address'),
		venuePostcode: text('venue_postcode'),
		accessNotes: text('access_notes'),
		onlineUrl: text('online_url'),
		booking: text('booking', { enum: ['required', 'none'] })
			.notNull()
			.default('required'),
		/** Null means unlimited places. */
		capacity: integer('capacity'),
		guestsAllowed: integer('guests_allowed').notNull().default(0),
		/** Sessions a member must attend for a certificate; null means every session. */
		attendanceNeeded: integer('attendance_needed'),
		status: text('status', { enum: ['draft', 'published', 'cancelled'] })
			.notNull()
			.default('draft'),
		bookingOpensAt: integer('booking_opens_at', { mode: 'timestamp_ms' }),
		bookingClosesAt: integer('booking_closes_at', { mode: 'timestamp_ms' }),
		membersOnly: integer('members_only', { mode: 'boolean' }).notNull().default(false),
		/** How places are given: first come, first served, or a ballot (event_ballots). */
		allocation: text('allocation', { enum: ['first-come', 'ballot'] })
			.notNull()
			.default('first-come'),
		bookingQuestions: text('booking_questions', { mode: 'json' })
			.$type<BookingQuestions>()
			.notNull()
			.default(sql`'{"accessNeeds":true,"dietary":false,"employer":false}'`),
		/** Raised on every change that calendars must apply (RFC 5545 SEQUENCE). */
		sequence: integer('sequence').notNull().default(0),
		/** First session start and last session end, kept in step with event_sessions for listing. */
		startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
		endsAt: integer('ends_at', { mode: 'timestamp_ms' }).notNull(),
		cancelledReason: text('cancelled_reason'),
		createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAtColumn(),
		updatedAt: updatedAtColumn()
	},
	(t) => [
		index('events_listing_idx').on(t.status, t.endsAt, t.startsAt),
		index('events_category_listing_idx').on(t.category, t.status, t.endsAt, t.startsAt)
	]
);

/** The event a row belongs to; the row goes with the event. */
export const eventColumn = () =>
	integer('event_id')
		.notNull()
		.references(() => events.id, { onDelete: 'cascade' });

export const eventSessions = sqliteTable(
	'event_sessions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		eventId: eventColumn(),
		title: text('title'),
		startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
		endsAt: integer('ends_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('event_sessions_event_idx').on(t.eventId, t.startsAt)]
);

/** Who manages an event: its creator plus any organisers added. Admins manage every event. */
export const eventOrganisers = sqliteTable(
	'event_organisers',
	{
		eventId: eventColumn(),
		userId: memberColumn(),
		addedAt: integer('added_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.eventId, t.userId] }),
		index('event_organisers_user_idx').on(t.userId)
	]
);

export type Event = typeof events.$inferSelect;
export type EventSession = typeof eventSessions.$inferSelect;
