// The branch membership list, imported by an admin from CSV. Rules read it at the moment they
// apply, so an import that shows lapsed subs takes effect at once.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const membersRegister = sqliteTable('members_register', {
	membershipNumber: text('membership_number').primaryKey(),
	/** Stored as imported; matching ignores case and spacing. */
	surname: text('surname').notNull(),
	postcode: text('postcode').notNull(),
	/** ISO dates, YYYY-MM-DD. */
	joinedOn: text('joined_on').notNull(),
	subsPaidTo: text('subs_paid_to').notNull(),
	importedAt: integer('imported_at', { mode: 'timestamp_ms' }).notNull()
});

export type RegisteredMember = typeof membersRegister.$inferSelect;
