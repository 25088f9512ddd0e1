// Applicants' bank details: format checks, and AES-256-GCM encryption at rest with the key from
// GRANT_DATA_KEY. The stored text is `v1.<iv>.<tag>.<ciphertext>` in base64url, so a later key
// or algorithm can sit beside it under a new version. The form's checks are one Valibot schema.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import * as v from 'valibot';
import { checkForm } from '../form-schema.ts';

export type BankDetails = { accountName: string; sortCode: string; accountNumber: string };
export type BankDetailsErrors = Partial<Record<keyof BankDetails, string>>;

/** A field with the spaces (and, for numbers, dashes) people type taken out first. */
const cleaned = (clean: (typed: string) => string) => v.pipe(v.string(), v.transform(clean));

const BANK_DETAILS = v.object({
	accountName: v.pipe(
		cleaned((name) => name.trim().replace(/\s+/g, ' ')),
		v.nonEmpty('Enter the name on the account'),
		v.maxLength(70, 'Name on the account must be 70 characters or fewer')
	),
	sortCode: v.pipe(
		cleaned((code) => code.replace(/[\s-]/g, '')),
		v.nonEmpty('Enter a sort code'),
		v.regex(/^\d{6}$/, 'Enter a valid sort code like 30 99 50')
	),
	accountNumber: v.pipe(
		cleaned((number) => number.replace(/\s/g, '')),
		v.nonEmpty('Enter an account number'),
		v.regex(/^\d{6,8}$/, 'Enter a valid account number like 00733445'),
		v.transform((number) => number.padStart(8, '0'))
	)
});

/** Tidied details, or the message for each field that is wrong. */
export function checkBankDetails(
	input: BankDetails
): { ok: true; details: BankDetails } | { ok: false; errors: BankDetailsErrors } {
	const checked = checkForm(BANK_DETAILS, input);
	return checked.ok ? { ok: true, details: checked.data } : { ok: false, errors: checked.errors };
}

export function encryptBankDetails(details: BankDetails, key: Buffer) {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	const ciphertext = Buffer.concat([
		cipher.update(JSON.stringify(details), 'utf8'),
		cipher.final()
	]);
	const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'));
	return `v1.${parts.join('.')}`;
}

/** Throws if the text was altered or encrypted under another key: nothing half-decrypted leaks. */
export function decryptBankDetails(stored: string, key: Buffer): BankDetails {
	const [version, iv, tag, ciphertext] = stored.split('.');
	if (version !== 'v1' || !iv || !tag || ciphertext === undefined) {
		throw new Error('Unrecognised bank details format');
	}
	const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
	decipher.setAuthTag(Buffer.from(tag, 'base64url'));
	const plain = Buffer.concat([
		decipher.update(Buffer.from(ciphertext, 'base64url')),
		decipher.final()
	]);
	return JSON.parse(plain.toString('utf8')) as BankDetails;
}

/** What screens show: enough to recognise the account, never the whole number. */
export function maskBankDetails(details: BankDetails) {
	const s = details.sortCode;
	return {
		accountName: details.accountName,
		sortCode: `${s.slice(0, 2)}-${s.slice(2, 4)}-${s.slice(4, 6)}`,
		accountNumber: `****${details.accountNumber.slice(-4)}`
	};
}
