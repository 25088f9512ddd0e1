// At the door: one check-in per booking and session, and the door links volunteers use.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { bookings } from './bookings.ts';
import { eventColumn, eventSessions } from './events.ts';
import { users } from './users.ts';

export const checkIns = sqliteTable(
	'check_ins',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		bookingId: integer('booking_id')
			.notNull()
			.references(() => bookings.id, { onDelete: 'cascade' }),
		sessionId: integer('session_id')
			.notNull()
			.references(() => eventSessions.id, { onDelete: 'cascade' }),
		/** When the person was let in, as the device saw it; the earliest of two devices wins. */
		checkedInAt: integer('checked_in_at', { mode: 'timestamp_ms' }).notNull(),
		/** The phone or desk that let them in, named by the device itself. */
		deviceId: text('device_id').notNull(),
		/** Made on the device when the tap happened, so a check-in sent twice is recorded once. */
		clientId: text('client_id').notNull().unique(),
		recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('check_ins_one_per_session').on(t.bookingId, t.sessionId),
		index('check_ins_session_idx').on(t.sessionId)
	]
);

export const doorLinks = sqliteTable(
	'door_links',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		eventId: eventColumn(),
		/** SHA-256 of the secret in the link; the link itself is shown once. */
		tokenDigest: text('token_digest').notNull().unique(),
		pinDigest: text('pin_digest').notNull(),
		label: text('label').notNull(),
		createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		failedPins: integer('failed_pins').notNull().default(0)
	},
	(t) => [index('door_links_event_idx').on(t.eventId)]
);

export type CheckIn = typeof checkIns.$inferSelect;
export type DoorLink = typeof doorLinks.$inferSelect;
