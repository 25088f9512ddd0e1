// Reading what the dev transport kept, for /dev/mail and the tests that read a member's inbox.
import { desc, eq } from 'drizzle-orm';
import { db, table } from '../db/index.ts';

export async function listDevMail(options: { to?: string | null; limit?: number } = {}) {
	return db
		.select()
		.from(table.devMailbox)
		.where(options.to ? eq(table.devMailbox.recipient, options.to.trim().toLowerCase()) : undefined)
		.orderBy(desc(table.devMailbox.id))
		.limit(options.limit ?? 200);
}

export async function findDevMail(id: number) {
	const [mail] = await db.select().from(table.devMailbox).where(eq(table.devMailbox.id, id));
	return mail ?? null;
}
