// The codes a staff member types for two-factor sign-in, as Valibot schemas with their GOV.UK
// messages: six digits from the authenticator app (spaces and dashes as the app groups them are
// dropped), or one of the recovery codes.
import * as v from 'valibot';
import { checkField } from '../form-schema.ts';
import type { CodeRefusal } from './code-check-limits.ts';

const AUTHENTICATOR_CODE = v.pipe(
	v.string(),
	v.transform((typed) => typed.replace(/[\s-]+/g, '')),
	v.nonEmpty('Enter the code from your authenticator app'),
	v.regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app, like 123456')
);

/** The app's six digits, or why they cannot be checked. */
export function readAuthenticatorCode(typed: string): { code: string } | CodeRefusal {
	const checked = checkField(AUTHENTICATOR_CODE, typed);
	if (checked.ok) return { code: checked.value };
	return { ok: false, status: 400, error: checked.error };
}

const RECOVERY_CODE = v.pipe(
	v.string(),
	v.check((typed) => typed.trim() !== '', 'Enter one of your recovery codes')
);

/** Why a recovery code typed cannot be checked, or null when it can. */
export function recoveryCodeProblem(typed: string): CodeRefusal | null {
	const checked = checkField(RECOVERY_CODE, typed);
	return checked.ok ? null : { ok: false, status: 400, error: checked.error };
}
