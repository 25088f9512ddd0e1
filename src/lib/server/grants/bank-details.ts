// Applicants' bank details: format checks, and AES-256-GCM encryption at rest with the key from
// GRANT_DATA_KEY. The stored text is `v1.<iv>.<tag>.<ciphertext>` in base64url, so a later key
// or algorithm can sit beside it under a new version.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export type BankDetails = { accountName: string; sortCode: string; accountNumber: string };
export type BankDetailsErrors = Partial<Record<keyof BankDetails, string>>;

/** Tidied details, or the message for each field that is wrong. */
export function checkBankDetails(
	input: BankDetails
): { ok: true; details: BankDetails } | { ok: false; errors: BankDetailsErrors } {
	const errors: BankDetailsErrors = {};
	const accountName = input.accountName.trim().replace(/\s+/g, ' ');
	const sortCode = input.sortCode.replace(/[\s-]/g, '');
	const accountNumber = input.accountNumber.replace(/\s/g, '');
	if (!accountName) errors.accountName = 'Enter the name on the account';
	else if (accountName.length > 70)
		errors.accountName = 'Name on the account must be 70 characters or fewer';
	if (!sortCode) errors.sortCode = 'Enter a sort code';
	else if (!/^\d{6}$/.test(sortCode)) errors.sortCode = 'Enter a valid sort code like 30 99 50';
	if (!accountNumber) errors.accountNumber = 'Enter an account number';
	else if (!/^\d{6,8}$/.test(accountNumber))
		errors.accountNumber = 'Enter a valid account number like 00733445';
	if (Object.keys(errors).length) return { ok: false, errors };
	return {
		ok: true,
		details: { accountName, sortCode, accountNumber: accountNumber.padStart(8, '0') }
	};
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
