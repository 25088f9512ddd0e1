import { describe, expect, it } from 'vitest';
import { readEvidenceForm } from './evidence-upload.ts';
import { safeFilename, sniffEvidenceType } from './evidence-file.ts';

const URL_ = 'http://localhost/grants/winter-fuel/apply/evidence?/upload';

function upload(content: Uint8Array<ArrayBuffer>, name: string) {
	const form = new FormData();
	form.set('evidence', new File([content], name));
	return new Request(URL_, { method: 'POST', body: form });
}

/** A body the server refuses to read, as adapter-node does over BODY_SIZE_LIMIT. */
function refusedUpload() {
	const body = new ReadableStream({
		start(controller) {
			controller.error(Object.assign(new Error('Payload Too Large'), { status: 413 }));
		}
	});
	return new Request(URL_, {
		method: 'POST',
		body,
		duplex: 'half',
		headers: {
			'content-type': 'multipart/form-data; boundary=x',
			'content-length': String(20 * 1024 * 1024)
		}
	} as RequestInit);
}

describe('receiving an evidence file', () => {
	it('reads a small file whole', async () => {
		const bytes = new TextEncoder().encode('%PDF-1.7\n') as Uint8Array<ArrayBuffer>;
		const result = await readEvidenceForm(
			upload(bytes, 'payslip.pdf'),
			'evidence',
			11 * 1024 * 1024
		);
		expect(result).toMatchObject({ ok: true, file: { name: 'payslip.pdf', size: bytes.length } });
	});

	it('does not read the bytes of a file over 5 MB', async () => {
		const big = new Uint8Array(6 * 1024 * 1024);
		const result = await readEvidenceForm(upload(big, 'scan.pdf'), 'evidence', 11 * 1024 * 1024);
		expect(result).toMatchObject({ ok: true, file: { size: big.length } });
		if (result.ok) expect(result.file.bytes.length).toBe(0);
	});

	it('turns the server refusing a huge body into the plain size message, not a bare 413', async () => {
		expect(await readEvidenceForm(refusedUpload(), 'evidence', 11 * 1024 * 1024)).toEqual({
			ok: false,
			status: 413,
			error: expect.stringMatching(/must be 5 MB or smaller/)
		});
	});

	it('tells an empty file from no file chosen', async () => {
		const limit = 11 * 1024 * 1024;
		expect(
			await readEvidenceForm(upload(new Uint8Array(), 'empty.pdf'), 'evidence', limit)
		).toEqual({
			ok: false,
			status: 400,
			error: expect.stringMatching(/file you chose is empty/)
		});
		expect(await readEvidenceForm(upload(new Uint8Array(), ''), 'evidence', limit)).toEqual({
			ok: false,
			status: 400,
			error: 'Choose a file to upload'
		});
	});

	it('knows PDF, JPEG and PNG by their first bytes only', () => {
		expect(sniffEvidenceType(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]))).toBe(
			'application/pdf'
		);
		expect(sniffEvidenceType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
		expect(
			sniffEvidenceType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
		).toBe('image/png');
		expect(sniffEvidenceType(new Uint8Array([0x4d, 0x5a]))).toBeNull();
		expect(sniffEvidenceType(new TextEncoder().encode('<html>'))).toBeNull();
	});

	it('stores a safe file name with the extension of the checked type', () => {
		expect(safeFilename('../../etc/pass"wd.exe', 'application/pdf')).toBe('etcpasswd.pdf');
		expect(safeFilename('photo.JPG', 'image/jpeg')).toBe('photo.jpg');
		expect(safeFilename('a\u0000b\r\nBcc: x.pdf', 'application/pdf')).toBe('abBcc x.pdf');
		expect(safeFilename('تقرير.pdf', 'application/pdf')).toBe('evidence.pdf');
		expect(safeFilename(`${'long'.repeat(100)}.png`, 'image/png')).toBe(`${'long'.repeat(15)}.png`);
	});
});
