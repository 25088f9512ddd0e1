// The one-time setup code that guards /setup on a database with no admin. The start command
// issues it and prints it once; only its SHA-256 is stored, and creating the first admin uses it up.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import * as table from '../db/schema/index.ts';
import { digestSecret, generateSecret, secretMatches } from '../auth/secrets.ts';

type Reader = Pick<Database, 'select'>;

/** True once any account (not deleted) holds the admin role. */
export async function adminExists(database: Reader) {
	const [row] = await database
		.select({ id: table.users.id })
		.from(table.users)
		.where(
			and(
				isNull(table.users.deletedAt),
				sql`exists (select 1 from json_each(${table.users.roles}) where value = 'admin')`
			)
		)
		.limit(1);
	return row !== undefined;
}

/** Spaces, dashes and capitals are for reading aloud; the code itself is the letters and digits. */
export function normaliseSetupCode(code: string) {
	return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * A new setup code while the database has no admin (replacing any earlier one), or null once it
 * has one. 20 characters of 5 bits: far beyond guessing over the network.
 */
export async function issueSetupCode(
	database: Pick<Database, 'select' | 'insert'>,
	now = new Date()
): Promise<string | null> {
	if (await adminExists(database)) return null;
	const code = generateSecret(20);
	await database
		.insert(table.setupCodes)
		.values({ id: 1, codeHash: digestSecret(code), issuedAt: now, usedAt: null })
		.onConflictDoUpdate({
			target: table.setupCodes.id,
			set: { codeHash: digestSecret(code), issuedAt: now, usedAt: null }
		});
	return code.match(/.{4}/g)!.join('-');
}

/** Whether `code` is the live, unused setup code. */
export async function setupCodeMatches(database: Reader, code: string) {
	const [row] = await database
		.select({ codeHash: table.setupCodes.codeHash })
		.from(table.setupCodes)
		.where(and(eq(table.setupCodes.id, 1), isNull(table.setupCodes.usedAt)));
	const given = normaliseSetupCode(code);
	return row !== undefined && given.length > 0 && secretMatches(given, row.codeHash);
}

/**
 * The statement that uses the code up: it changes a row only if the code is still unused and
 * matches, so of two people racing with it, one wins.
 */
export function useSetupCode(database: Pick<Database, 'update'>, code: string, now = new Date()) {
	return database
		.update(table.setupCodes)
		.set({ usedAt: now })
		.where(
			and(
				eq(table.setupCodes.id, 1),
				isNull(table.setupCodes.usedAt),
				eq(table.setupCodes.codeHash, digestSecret(normaliseSetupCode(code)))
			)
		)
		.returning({ id: table.setupCodes.id });
}
