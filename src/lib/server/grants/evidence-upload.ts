// Receiving an evidence file from the upload form. adapter-node refuses a body over
// BODY_SIZE_LIMIT only when the form is read; that refusal becomes the same plain message as a
// file over the grant's own 5 MB limit, never a bare 413.
import { MAX_EVIDENCE_BYTES } from './evidence-file.ts';
import { readUploadForm } from '../body-limit.ts';

export type EvidenceFormFile =
	| { ok: true; file: { name: string; size: number; bytes: Uint8Array } }
	| { ok: false; status: 400 | 413; error: string };

export const EVIDENCE_TOO_BIG =
	'The file must be 5 MB or smaller. Take a smaller photo, or save the document as a PDF, and upload it again.';

export async function readEvidenceForm(
	request: Request,
	field: string,
	bodySizeLimit: number
): Promise<EvidenceFormFile> {
	const read = await readUploadForm(request, bodySizeLimit);
	if (!read.ok) {
		if (read.tooLarge) return { ok: false, status: 413, error: EVIDENCE_TOO_BIG };
		return {
			ok: false,
			status: 400,
			error: 'The file did not arrive in full. Choose it and upload it again.'
		};
	}

	const file = read.form.get(field);
	// A browser sends an empty, nameless file part when nothing was chosen.
	if (!(file instanceof File) || (file.size === 0 && !file.name)) {
		return { ok: false, status: 400, error: 'Choose a file to upload' };
	}
	if (file.size === 0) {
		return {
			ok: false,
			status: 400,
			error: 'The file you chose is empty. Check it opens on your device, then upload it again.'
		};
	}
	// A file over the limit is refused on its size alone; its bytes are never read.
	const bytes =
		file.size > MAX_EVIDENCE_BYTES ? new Uint8Array() : new Uint8Array(await file.arrayBuffer());
	return { ok: true, file: { name: file.name, size: file.size, bytes } };
}
