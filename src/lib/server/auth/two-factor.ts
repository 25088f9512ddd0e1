// Two-factor sign-in for staff: one TOTP key per person (totp.ts), ten single-use recovery
// codes kept only as digests, and an admin's reset for a lost phone.
import { and, count, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { db, table } from '../db/index.ts';
import { auditInsert, auditInsertWhen } from '../audit.ts';
import { allowCodeCheck, forgiveCodeCheck, type CodeRefusal } from './code-check-limits.ts';
import { markTwoFactorVerified } from './session.ts';
import { readAuthenticatorCode, recoveryCodeProblem } from './two-factor-form.ts';
import { digestSecret, generateSecret } from './secrets.ts';
import { isTotpKey, matchingTotpStep } from './totp.ts';

export const RECOVERY_CODE_COUNT = 10;

export type { CodeRefusal };

function newRecoveryCodes() {
	return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
		const code = generateSecret(10);
		return `${code.slice(0, 5)}-${code.slice(5)}`;
	});
}

/** Recovery codes are matched without their dash, spaces or capitals. */
function recoveryCodeDigest(code: string) {
	return digestSecret(code.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

export type Enrolment = { ok: true; recoveryCodes: string[] } | CodeRefusal;

/**
 * Turns two-factor on once the person proves their app holds `key`: saves the key, marks this
 * session verified and replaces any recovery codes, in one write. Every statement after the
 * first runs only while this key was enrolled at this instant and this session is not yet
 * verified, so a double submit cannot swap the recovery codes the person has just been shown.
 */
export async function enrolTwoFactor(
	input: { userId: number; sessionId: string; key: string; code: string; ip: string },
	now = new Date()
): Promise<Enrolment> {
	const read = readAuthenticatorCode(input.code);
	if ('ok' in read) return read;
	if (!isTotpKey(input.key)) {
		return { ok: false, status: 400, error: 'This setup has expired. Start again.' };
	}
	const refused = await allowCodeCheck(input.userId, input.ip, now);
	if (refused) return refused;
	const step = matchingTotpStep(input.key, read.code, now);
	if (step === null) {
		return {
			ok: false,
			status: 400,
			error:
				'The code is not right. Enter the code the app shows now for the account you just added.'
		};
	}
	const recoveryCodes = newRecoveryCodes();
	const enrolledHere: SQL = sql`exists (select 1 from ${table.users} where ${table.users.id} = ${input.userId} and ${table.users.totpSecret} = ${input.key} and ${table.users.totpEnrolledAt} = ${now.getTime()})
		and exists (select 1 from ${table.sessions} where ${table.sessions.id} = ${input.sessionId} and ${table.sessions.twoFactorVerifiedAt} is null)`;
	const [enrolled] = await db.batch([
		db
			.update(table.users)
			.set({ totpSecret: input.key, totpEnrolledAt: now, totpLastStep: step })
			.where(and(eq(table.users.id, input.userId), isNull(table.users.totpEnrolledAt)))
			.returning({ id: table.users.id }),
		db
			.delete(table.recoveryCodes)
			.where(and(eq(table.recoveryCodes.userId, input.userId), enrolledHere)),
		db.run(
			sql`insert into ${table.recoveryCodes} (user_id, code_hash) select ${input.userId}, value from json_each(${JSON.stringify(recoveryCodes.map(recoveryCodeDigest))}) where ${enrolledHere}`
		),
		auditInsertWhen(
			db,
			enrolledHere,
			{
				actorUserId: input.userId,
				action: 'two-factor-enrolled',
				subjectType: 'user',
				subjectId: input.userId
			},
			now
		),
		// Last, because it closes the gate the statements above pass through.
		db
			.update(table.sessions)
			.set({ twoFactorVerifiedAt: now })
			.where(and(eq(table.sessions.id, input.sessionId), enrolledHere))
	]);
	if (enrolled.length === 0) {
		return { ok: false, status: 409, error: 'Two-factor is already on for your account.' };
	}
	await forgiveCodeCheck(input.userId, input.ip);
	return { ok: true, recoveryCodes };
}

export type CodeCheck = { ok: true } | CodeRefusal;

const WRONG_CODE: CodeRefusal = {
	ok: false,
	status: 400,
	error: 'The code is not right. Enter the code your authenticator app shows now.'
};
const SPENT_CODE: CodeRefusal = {
	ok: false,
	status: 400,
	error: 'That code has been used already. Wait for your app to show a new one, then enter it.'
};

/**
 * Spends the time step `step` for the person: exactly one request, in any session, wins each
 * step, and a step no later than one already accepted never wins.
 */
async function spendTotpStep(userId: number, step: number) {
	const u = table.users;
	const won = await db
		.update(u)
		.set({ totpLastStep: step })
		.where(and(eq(u.id, userId), or(isNull(u.totpLastStep), lt(u.totpLastStep, step))))
		.returning({ id: u.id });
	return won.length === 1;
}

/**
 * Checks a code from the person's app and, if right and not used before in any session, marks
 * this session as two-factor verified.
 */
export async function verifyTwoFactorCode(
	input: {
		user: { id: number; totpSecret: string | null };
		sessionId: string;
		code: string;
		ip: string;
	},
	now = new Date()
): Promise<CodeCheck> {
	const read = readAuthenticatorCode(input.code);
	if ('ok' in read) return read;
	if (!input.user.totpSecret) {
		return { ok: false, status: 409, error: 'Set up two-factor first.' };
	}
	const refused = await allowCodeCheck(input.user.id, input.ip, now);
	if (refused) return refused;
	const step = matchingTotpStep(input.user.totpSecret, read.code, now);
	if (step === null) return WRONG_CODE;
	if (!(await spendTotpStep(input.user.id, step))) return SPENT_CODE;
	await forgiveCodeCheck(input.user.id, input.ip);
	await markTwoFactorVerified(input.sessionId, now);
	await auditInsert(
		db,
		{
			actorUserId: input.user.id,
			action: 'two-factor-verified',
			subjectType: 'user',
			subjectId: input.user.id,
			detail: { method: 'authenticator' }
		},
		now
	);
	return { ok: true };
}

/** Uses up one recovery code in place of a code from the app; each works exactly once. */
export async function useRecoveryCode(
	input: { userId: number; sessionId: string; code: string; ip: string },
	now = new Date()
): Promise<CodeCheck> {
	const unreadable = recoveryCodeProblem(input.code);
	if (unreadable) return unreadable;
	const refused = await allowCodeCheck(input.userId, input.ip, now);
	if (refused) return refused;
	const codeHash = recoveryCodeDigest(input.code);
	const usedHere: SQL = sql`exists (select 1 from ${table.recoveryCodes} where ${table.recoveryCodes.userId} = ${input.userId} and ${table.recoveryCodes.codeHash} = ${codeHash} and ${table.recoveryCodes.usedAt} = ${now.getTime()})`;
	const [used] = await db.batch([
		db
			.update(table.recoveryCodes)
			.set({ usedAt: now })
			.where(
				and(
					eq(table.recoveryCodes.userId, input.userId),
					eq(table.recoveryCodes.codeHash, codeHash),
					isNull(table.recoveryCodes.usedAt)
				)
			)
			.returning({ id: table.recoveryCodes.id }),
		db
			.update(table.sessions)
			.set({ twoFactorVerifiedAt: now })
			.where(and(eq(table.sessions.id, input.sessionId), usedHere)),
		auditInsertWhen(
			db,
			usedHere,
			{
				actorUserId: input.userId,
				action: 'two-factor-verified',
				subjectType: 'user',
				subjectId: input.userId,
				detail: { method: 'recovery-code' }
			},
			now
		)
	]);
	if (used.length === 0) {
		return {
			ok: false,
			status: 400,
			error: 'That recovery code is not right, or it has been used already. Each code works once.'
		};
	}
	await forgiveCodeCheck(input.userId, input.ip);
	return { ok: true };
}

export async function countUnusedRecoveryCodes(userId: number) {
	const [row] = await db
		.select({ unused: count() })
		.from(table.recoveryCodes)
		.where(and(eq(table.recoveryCodes.userId, userId), isNull(table.recoveryCodes.usedAt)));
	return row.unused;
}

export { resetTwoFactor, type TwoFactorReset } from './two-factor-reset.ts';
