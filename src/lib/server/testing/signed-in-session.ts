// A session written straight into a database, two-factor already passed, for the tests and
// benches that need a signed-in member of staff without walking the sign-in pages.
import { digestSecret, generateSecret } from '../auth/secrets.ts';
import type { Database } from '../db/client.ts';
import * as table from '../db/schema/index.ts';

/** The new session's token (`id.secret`): the value of the `session` cookie. */
export async function insertSignedInSession(db: Database, userId: number, now = new Date()) {
	const id = generateSecret(20);
	const secret = generateSecret(32);
	await db.insert(table.sessions).values({
		id,
		secretHash: digestSecret(secret),
		userId,
		createdAt: now,
		lastUsedAt: now,
		twoFactorVerifiedAt: now
	});
	return `${id}.${secret}`;
}
