// What counts as acceptable evidence: the file's first bytes, not its name or the browser's
// claimed type, decide whether it is a PDF, JPEG or PNG.
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
export const MAX_EVIDENCE_FILES = 3;

const SIGNATURES: { contentType: string; bytes: number[] }[] = [
	{ contentType: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
	{ contentType: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
	{ contentType: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }
];

export function sniffEvidenceType(head: Uint8Array) {
	const match = SIGNATURES.find((s) => s.bytes.every((byte, i) => head[i] === byte));
	return match?.contentType ?? null;
}

/** A file name safe to store and to send back in Content-Disposition. */
export function safeFilename(name: string, contentType: string) {
	const ext = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }[contentType];
	const base =
		name
			.replace(/\.[^.]*$/, '')
			.replace(/[^A-Za-z0-9 _-]+/g, '')
			.trim()
			.slice(0, 60) || 'evidence';
	return `${base}.${ext}`;
}
