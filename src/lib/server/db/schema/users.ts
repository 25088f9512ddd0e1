// People who hold an account. Sign-in fields arrive with the accounts capability.
import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const staffRoles = ['organiser', 'welfare', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const users = sqliteTable('users', {
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
	totpSecret: text('totp_secret'),
	calendarFeedToken: text('calendar_feed_token').unique(),
	isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
	createdAt: integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.$defaultFn(() => new Date())
});

export type User = typeof users.$inferSelect;
