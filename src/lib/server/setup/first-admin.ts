// The first-run setup's account step: with the setup code, a person makes the branch's first
// admin account (email counted as confirmed) and the code is used up in the same transaction.
import { TransactionRollbackError } from 'drizzle-orm';
import type { User } from '../db/schema/index.ts';
import { db, table } from '../db/index.ts';
import { auditInsert } from '../audit.ts';
import { checkFirstAdmin } from '../auth/account-form.ts';
import { hashPassword } from '../auth/password.ts';
import { findUserByEmail, normaliseEmail } from '../auth/sign-up.ts';
import { markRealUnlessDemo } from '../deployment/database-kind.ts';
import { adminExists, setupCodeMatches, useSetupCode } from './setup-code.ts';

export type FirstAdminInput = { code: string; name: string; email: string; password: string };

export type FirstAdminOutcome =
	{ ok: true; user: User } | { ok: false; status: 400 | 404 | 409; errors: Record<string, string> };

const WRONG_CODE =
	'Enter the setup code the start command printed. If it has been lost, stop the server and start it again for a new one.';

/** Whether /setup is open: only while no admin exists. */
export function setupIsOpen() {
	return adminExists(db).then((exists) => !exists);
}

export async function createFirstAdmin(
	raw: FirstAdminInput,
	now = new Date()
): Promise<FirstAdminOutcome> {
	const input = { ...raw, name: raw.name.trim(), email: normaliseEmail(raw.email) };
	if (await adminExists(db)) return { ok: false, status: 404, errors: {} };
	const checked = checkFirstAdmin(input);
	if (!checked.ok) return { ok: false, status: 400, errors: checked.errors };
	if (!(await setupCodeMatches(db, input.code))) {
		return { ok: false, status: 400, errors: { code: WRONG_CODE } };
	}
	if (await findUserByEmail(input.email)) {
		return {
			ok: false,
			status: 409,
			errors: {
				email:
					'This address already has an account. Use another address, or make that account an admin with npm run create-admin.'
			}
		};
	}
	// Hashed before the write lock is taken: argon2 is slow on purpose.
	const passwordHash = await hashPassword(input.password);
	const user = await writeFirstAdmin(input, passwordHash, now);
	if (!user) return { ok: false, status: 409, errors: { code: WRONG_CODE } };
	// A database set up here is a real branch's, even if nobody started it with DEMO_DATA=off.
	await markRealUnlessDemo(db, 'setup', now);
	return { ok: true, user };
}

/**
 * Uses the code and creates the admin in one transaction; null when someone else got there
 * first, and then the code stays as it was.
 */
async function writeFirstAdmin(input: FirstAdminInput, passwordHash: string, now: Date) {
	return db
		.transaction(async (tx) => {
			const used = await useSetupCode(tx, input.code, now);
			// Someone else got there first: undo, so the code stays as it was.
			if (used.length === 0 || (await adminExists(tx))) return tx.rollback();
			const [created] = await tx
				.insert(table.users)
				.values({
					email: input.email,
					name: input.name,
					passwordHash,
					emailVerifiedAt: now,
					roles: ['admin'],
					createdAt: now
				})
				.onConflictDoNothing({ target: table.users.email })
				.returning();
			if (!created) return tx.rollback();
			await auditInsert(
				tx,
				{
					actorUserId: created.id,
					action: 'first-admin-created',
					subjectType: 'user',
					subjectId: created.id,
					detail: { by: 'setup' }
				},
				now
			);
			return created;
		})
		.catch((error: unknown) => {
			if (error instanceof TransactionRollbackError) return null;
			throw error;
		});
}
