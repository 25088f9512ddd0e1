// What a real branch's database needs before a start command serves it or sends its mail: a way
// to send email and a key for grant applicants' bank details. The demo's stand-ins for both (the
// open dev mailbox, the published development key) are only used when the person allows them by name.
import type { Config } from '../config.ts';

/** One line per missing setting, naming it and what to set; empty when nothing is missing. */
export function missingRealBranchSettings(config: Config): string[] {
	const missing: string[] = [];
	const { email, grantDataKey } = config;
	if (email.transport === 'dev' && !email.devMailAllowed) {
		missing.push(
			'EMAIL_TRANSPORT is not set: set EMAIL_TRANSPORT=smtp with SMTP_URL, or EMAIL_TRANSPORT=resend with RESEND_API_KEY, and EMAIL_FROM (or ALLOW_DEV_MAIL=true to keep every email unsent at /dev/mail, for signed-in admins only)'
		);
	}
	if (email.transport !== 'dev' && !email.fromAddressSet) {
		missing.push(
			'EMAIL_FROM is not set: the branch mailbox that sends every email and receives the replies'
		);
	}
	if (grantDataKey.isDevelopmentKey && !grantDataKey.devKeyAllowed) {
		missing.push(
			"GRANT_DATA_KEY is not set: 32 random bytes from `openssl rand -base64 32`, to encrypt grant applicants' bank details (or ALLOW_DEV_GRANT_KEY=true to use the published development key)"
		);
	}
	return missing;
}

/** The start banner's warnings about development stand-ins in use, whatever the database. */
export function developmentStandIns(config: Config, kind: 'demo' | 'real'): string[] {
	const warnings: string[] = [];
	if (config.email.transport === 'dev') {
		warnings.push(
			kind === 'demo'
				? `Email is not sent: anyone can read every message at ${config.origin}/dev/mail (demo only).`
				: `Email is not sent (ALLOW_DEV_MAIL=true): messages wait at ${config.origin}/dev/mail, for signed-in admins only. Members receive nothing.`
		);
	}
	if (config.grantDataKey.isDevelopmentKey) {
		warnings.push(
			"Grant applicants' bank details are encrypted with the published development key: anyone with a copy of the database can read them. Set GRANT_DATA_KEY for real data."
		);
	}
	return warnings;
}
