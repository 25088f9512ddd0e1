// Ballots: an event's entry window, its committed secret seed and, once drawn, the published
// order; and the members' entries, one live entry per member and event.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { BookingAnswers } from './bookings.ts';
import { eventColumn, events } from './events.ts';
import { grantApplications, grantRounds } from './grants.ts';
import { memberColumn, users } from './users.ts';

export type DrawnEntry = { number: number; priority: boolean };
export type DrawSummary = { winners: number; waiting: number; ineligible: number };

export const eventBallots = sqliteTable('event_ballots', {
	eventId: integer('event_id')
		.primaryKey()
		.references(() => events.id, { onDelete: 'cascade' }),
	entriesOpenAt: integer('entries_open_at', { mode: 'timestamp_ms' }).notNull(),
	entriesCloseAt: integer('entries_close_at', { mode: 'timestamp_ms' }).notNull(),
	drawAt: integer('draw_at', { mode: 'timestamp_ms' }).notNull(),
	/** Members without a branch course place in the 12 months before the draw are drawn first. */
	priority: integer('priority', { mode: 'boolean' }).notNull().default(false),
	/** Secret until the draw: only its commitment is shown before then. */
	seed: text('seed').notNull(),
	/** SHA-256 of the seed, hex: published when the window opens. */
	commitment: text('commitment').notNull(),
	/** Set once, by whichever process claims the draw; never cleared. */
	drawnAt: integer('drawn_at', { mode: 'timestamp_ms' }),
	/** The claim of the process that drew, so its own batch can tell its claim from another's. */
	drawClaim: text('draw_claim'),
	drawnOrder: text('drawn_order', { mode: 'json' }).$type<DrawnEntry[]>(),
	drawSummary: text('draw_summary', { mode: 'json' }).$type<DrawSummary>(),
	drawnBy: integer('drawn_by').references(() => users.id, { onDelete: 'set null' }),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});

export const ballotEntryStatuses = [
	'entered',
	'withdrawn',
	'won',
	'waitlisted',
	'ineligible'
] as const;
export type BallotEntryStatus = (typeof ballotEntryStatuses)[number];

export const ballotEntries = sqliteTable(
	'ballot_entries',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		eventId: eventColumn(),
		userId: memberColumn(),
		entryNumber: integer('entry_number').notNull(),
		guests: integer('guests').notNull().default(0),
		answers: text('answers', { mode: 'json' }).$type<BookingAnswers>(),
		status: text('status', { enum: ballotEntryStatuses }).notNull().default('entered'),
		/** Decided at the draw. */
		priority: integer('priority', { mode: 'boolean' }),
		/** Why the entry was left out of the draw, in the words the member was told. */
		ineligibleReason: text('ineligible_reason'),
		/** The booking the draw made for this entry (a place or a waiting-list place). */
		bookingUid: text('booking_uid'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		statusChangedAt: integer('status_changed_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('ballot_entries_number').on(t.eventId, t.entryNumber),
		uniqueIndex('ballot_entries_one_live_per_member')
			.on(t.eventId, t.userId)
			.where(sql`${t.status} <> 'withdrawn'`),
		index('ballot_entries_event_status_idx').on(t.eventId, t.status),
		index('ballot_entries_user_idx').on(t.userId)
	]
);

export type EventBallot = typeof eventBallots.$inferSelect;
export type BallotEntry = typeof ballotEntries.$inferSelect;

/**
 * A grant round decided in a drawn order: its committed seed, and once drawn at the close, the
 * order. A round without a row takes applications in the order they arrive.
 */
export const grantRoundDraws = sqliteTable('grant_round_draws', {
	roundId: integer('round_id')
		.primaryKey()
		.references(() => grantRounds.id, { onDelete: 'cascade' }),
	seed: text('seed').notNull(),
	commitment: text('commitment').notNull(),
	drawnAt: integer('drawn_at', { mode: 'timestamp_ms' }),
	drawClaim: text('draw_claim'),
	/** Application ids in drawn order, each with its group (prepayment meter or first time). */
	drawnOrder: text('drawn_order', { mode: 'json' }).$type<DrawnEntry[]>(),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
});

/** Each drawn application's place in the order, and whether the budget reaches it. */
export const grantDrawPlaces = sqliteTable(
	'grant_draw_places',
	{
		applicationId: integer('application_id')
			.primaryKey()
			.references(() => grantApplications.id, { onDelete: 'cascade' }),
		roundId: integer('round_id')
			.notNull()
			.references(() => grantRounds.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		/** Beyond what the budget can fund: its number on the reserve list now (null: in budget). */
		reservePosition: integer('reserve_position'),
		/** When money freed by a decline or withdrawal ahead brought it off the reserve list. */
		fundedAt: integer('funded_at', { mode: 'timestamp_ms' })
	},
	(t) => [uniqueIndex('grant_draw_places_position').on(t.roundId, t.position)]
);

export type GrantRoundDraw = typeof grantRoundDraws.$inferSelect;
