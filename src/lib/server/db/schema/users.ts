// People who hold an account: who they are, how they sign in, and what they may do.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAtColumn } from './columns.ts';

export const staffRoles = ['organiser', 'welfare', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const users = sqliteTable(
	'users',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		email: text('email').notNull().unique(),
		emailVerifiedAt: integer('email_verified_at', { mode: 'timestamp_ms' }),
		passwordHash: text('password_hash'),
		name: text('name').notNull(),
		membershipNumber: text('membership_number').unique(),
		memberVerifiedAt: integer('member_verified_at', { mode: 'timestamp_ms' }),
		roles: text('roles', { mode: 'json' })
			.$type<StaffRole[]>()
			.notNull()
			.default(sql`'[]'`),
		/** Base32 TOTP key; set when a staff member finishes enrolling two-factor. */
		totpSecret: text('totp_secret'),
		totpEnrolledAt: integer('totp_enrolled_at', { mode: 'timestamp_ms' }),
		/** The last TOTP time step accepted for this person: a code from it or earlier is spent. */
		totpLastStep: integer('totp_last_step'),
		calendarFeedToken: text('calendar_feed_token').unique(),
		isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
		/** Set when the member deleted their account: personal data is erased, the row stays for counts. */
		deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
		createdAt: createdAtColumn()
	},
	(t) => [
		// The admin's list of accounts: staff first, then by name, a page at a time.
		index('users_admin_list_idx').on(sql`(${t.roles} = '[]')`, sql`lower(${t.name})`, t.id)
	]
);

/** The account a row belongs to; the row goes when the account is deleted. */
export const memberColumn = () =>
	integer('user_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' });

export type User = typeof users.$inferSelect;
