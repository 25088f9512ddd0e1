import { describe, expect, it } from 'vitest';
import { readMembershipListUpload, membershipListUploadLimit } from './membership-list-upload.ts';

const MB = 1024 * 1024;

function upload(content: string | Uint8Array<ArrayBuffer>, name = 'members.csv') {
	const form = new FormData();
	form.set('register', new File([content], name, { type: 'text/csv' }));
	return new Request('http://localhost/admin/members?/import', { method: 'POST', body: form });
}

/** A request whose body the server refuses to read, as adapter-node does over BODY_SIZE_LIMIT. */
function refusedUpload(contentLength: number) {
	const body = new ReadableStream({
		start(controller) {
			controller.error(Object.assign(new Error('Payload Too Large'), { status: 413 }));
		}
	});
	return new Request('http://localhost/admin/members?/import', {
		method: 'POST',
		body,
		duplex: 'half',
		headers: {
			'content-type': 'multipart/form-data; boundary=x',
			'content-length': String(contentLength)
		}
	} as RequestInit);
}

describe('receiving the membership list file', () => {
	it('takes a file up to 10 MB when the server allows bodies that big', async () => {
		expect(membershipListUploadLimit(11 * MB)).toBe(10 * MB);
		const result = await readMembershipListUpload(upload('Number,Surname\n'), 'register', 11 * MB);
		expect(result.ok && new TextDecoder().decode(result.bytes)).toBe('Number,Surname\n');
	});

	it('says how big the file is and what to do when it is over the limit', async () => {
		const result = await readMembershipListUpload(
			upload(new Uint8Array(10 * MB + 1)),
			'register',
			11 * MB
		);
		expect(result).toEqual({
			ok: false,
			status: 413,
			error:
				'The file is 10 MB. Upload a file of 10 MB or less, or split the list into several files and import them one after another: each import adds and updates members without removing any.'
		});
	});

	it('gives the same kind of message, not a bare 413, when the server refuses the body', async () => {
		const result = await readMembershipListUpload(refusedUpload(3 * MB), 'register', 512 * 1024);
		expect(result).toMatchObject({ ok: false, status: 413 });
		expect(!result.ok && result.error).toMatch(/^The file is 3\.0 MB|^The file is 3 MB/);
		expect(!result.ok && result.error).toContain('Upload a file of 448 KB or less');
	});

	it('asks for a file when none was chosen, or the one chosen is empty', async () => {
		const none = new FormData();
		none.set('register', new File([], ''));
		const request = new Request('http://localhost/', { method: 'POST', body: none });
		expect(await readMembershipListUpload(request, 'register', 11 * MB)).toEqual({
			ok: false,
			status: 400,
			error: 'Choose the membership list CSV file'
		});
		expect(
			await readMembershipListUpload(upload('', 'members.csv'), 'register', 11 * MB)
		).toMatchObject({
			error: 'members.csv is empty. Choose the membership list CSV file.'
		});
	});
});
