// Columns many tables share: when a row was written and last changed, set by the app on insert.
import { integer } from 'drizzle-orm/sqlite-core';

export const createdAtColumn = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.$defaultFn(() => new Date());

export const updatedAtColumn = () =>
	integer('updated_at', { mode: 'timestamp_ms' })
		.notNull()
		.$defaultFn(() => new Date());
