// Receiving the membership list file from the import form. adapter-node refuses a body over
// BODY_SIZE_LIMIT only when the form is read, so that refusal is caught here and turned into
// a message the admin can act on, like a file over the import's own limit.
import { MEMBERSHIP_LIST_FILE_MAX_BYTES } from './membership-list-import.ts';
import { readUploadForm } from '../body-limit.ts';

// Room for the multipart wrapping around the file.
const FORM_OVERHEAD_BYTES = 64 * 1024;

/** The largest file this server can take: the import's limit, or less if the body limit is lower. */
export function membershipListUploadLimit(bodySizeLimit: number) {
	return Math.max(0, Math.min(MEMBERSHIP_LIST_FILE_MAX_BYTES, bodySizeLimit - FORM_OVERHEAD_BYTES));
}

/** "2.4 MB", "600 KB" */
export function formatFileSize(bytes: number) {
	if (bytes >= 1024 * 1024) {
		const mb = bytes / (1024 * 1024);
		return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
	}
	return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function fileTooLargeMessage(size: number | null, limit: number) {
	const sizeSaid = size ? `The file is ${formatFileSize(size)}. ` : 'The file is too big. ';
	return `${sizeSaid}Upload a file of ${formatFileSize(limit)} or less, or split the list into several files and import them one after another: each import adds and updates members without removing any.`;
}

export type MembershipListUpload =
	{ ok: true; bytes: Uint8Array } | { ok: false; status: 400 | 413; error: string };

export async function readMembershipListUpload(
	request: Request,
	field: string,
	bodySizeLimit: number
): Promise<MembershipListUpload> {
	const limit = membershipListUploadLimit(bodySizeLimit);
	const read = await readUploadForm(request, bodySizeLimit);
	if (!read.ok) {
		if (read.tooLarge)
			return { ok: false, status: 413, error: fileTooLargeMessage(read.declared, limit) };
		return {
			ok: false,
			status: 400,
			error: 'The file did not arrive in full. Choose it again and import it.'
		};
	}
	const file = read.form.get(field);
	if (!(file instanceof File) || file.size === 0) {
		return {
			ok: false,
			status: 400,
			error:
				file instanceof File && file.name
					? `${file.name} is empty. Choose the membership list CSV file.`
					: 'Choose the membership list CSV file'
		};
	}
	if (file.size > limit) {
		return { ok: false, status: 413, error: fileTooLargeMessage(file.size, limit) };
	}
	return { ok: true, bytes: new Uint8Array(await file.arrayBuffer()) };
}
