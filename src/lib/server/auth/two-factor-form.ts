// The codes a staff member types for two-factor sign-in, as Valibot schemas with their GOV.UK
// messages: six digits from the authenticator app (spaces and dashes as the app groups them are
// dropped), or one of the recovery codes.
import * as v from 'valibot';
import { checkForm } from '../form-schema.ts';
import type { CodeRefusal } from './code-check-limits.ts';

const AUTHENTICATOR_CODE = v.object({
	code: v.pipe(
		v.string(),
		v.transform((typed) => typed.replace(/[\s-]+/g, '')),
		v.nonEmpty('Enter the code from your authenticator app'),
		v.regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app, like 123456')
	)
});

/** The app's six digits, or why they cannot be checked. */
export function readAuthenticatorCode(typed: string): { code: string } | CodeRefusal {
	const checked = checkForm(AUTHENTICATOR_CODE, { code: typed });
	if (checked.ok) return { code: checked.data.code };
	return { ok: false, status: 400, error: checked.errors.code };
}

const RECOVERY_CODE = v.object({
	recoveryCode: v.pipe(
		v.string(),
		v.check((typed) => typed.trim() !== '', 'Enter one of your recovery codes')
	)
});

/** Why a recovery code typed cannot be checked, or null when it can. */
export function recoveryCodeProblem(typed: string): CodeRefusal | null {
	const checked = checkForm(RECOVERY_CODE, { recoveryCode: typed });
	return checked.ok ? null : { ok: false, status: 400, error: checked.errors.recoveryCode };
}
