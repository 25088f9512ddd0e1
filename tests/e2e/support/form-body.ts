// Form bodies encoded byte for byte as browsers send them, urlencoded or multipart, so a test
// can also send what a browser would never produce: bytes that are not UTF-8, a file where text
// belongs, a field twice.
import type { APIRequestContext } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { port } from './server.ts';

/** The server's own origin, which its cross-site check wants on every form post. */
export const ORIGIN = `http://localhost:${port}`;

export type FieldValue =
	| { kind: 'text'; text: string }
	/** Raw bytes, not necessarily valid UTF-8 (a lone surrogate as CESU-8, a stray 0xFF). */
	| { kind: 'bytes'; bytes: number[] }
	| { kind: 'file'; filename: string; type: string; bytes: Uint8Array };

export type FormPart = { name: string; value: FieldValue };
/** As browsers send forms, or a multipart body cut off on the way (a dropped connection). */
export type Encoding = 'urlencoded' | 'multipart' | 'cut-multipart';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

function valueBytes(value: FieldValue) {
	if (value.kind === 'text') return utf8(value.text);
	if (value.kind === 'bytes') return Buffer.from(value.bytes);
	// An urlencoded form sends only a chosen file's name.
	return utf8(value.filename);
}

const UNRESERVED = new Set(
	Buffer.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-._')
);
const HEX = Buffer.from('0123456789ABCDEF');

/** application/x-www-form-urlencoded: every byte outside the unreserved set as %XX. */
function percentEncode(bytes: Buffer) {
	const out = Buffer.alloc(bytes.length * 3);
	let n = 0;
	for (const byte of bytes) {
		if (UNRESERVED.has(byte)) out[n++] = byte;
		else if (byte === 0x20) out[n++] = 0x2b;
		else {
			out[n++] = 0x25;
			out[n++] = HEX[byte >> 4];
			out[n++] = HEX[byte & 15];
		}
	}
	return out.subarray(0, n);
}

// Chromium's escaping of names and file names inside multipart headers.
const headerSafe = (text: string) =>
	text.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

export function encodeForm(parts: FormPart[], encoding: Encoding) {
	if (encoding === 'urlencoded') {
		const pairs = parts.map((p) =>
			Buffer.concat([percentEncode(utf8(p.name)), utf8('='), percentEncode(valueBytes(p.value))])
		);
		const body = Buffer.concat(pairs.flatMap((pair, i) => (i ? [utf8('&'), pair] : [pair])));
		return { body, contentType: 'application/x-www-form-urlencoded' };
	}
	const boundary = `----WebKitFormBoundary${randomBytes(8).toString('hex')}`;
	const chunks: Buffer[] = [];
	for (const part of parts) {
		const v = part.value;
		const disposition =
			`Content-Disposition: form-data; name="${headerSafe(part.name)}"` +
			(v.kind === 'file'
				? `; filename="${headerSafe(v.filename)}"\r\nContent-Type: ${v.type}`
				: '');
		chunks.push(utf8(`--${boundary}\r\n${disposition}\r\n\r\n`));
		chunks.push(v.kind === 'file' ? Buffer.from(v.bytes) : valueBytes(v));
		chunks.push(utf8('\r\n'));
	}
	chunks.push(utf8(`--${boundary}--\r\n`));
	const body = Buffer.concat(chunks);
	return {
		body: encoding === 'cut-multipart' ? body.subarray(0, Math.floor(body.length * 0.6)) : body,
		contentType: `multipart/form-data; boundary=${boundary}`
	};
}

/**
 * Posts form parts as a browser does: from the server's own origin, asking for a page, with
 * the session cookie when there is one. Each post takes a fresh connection: a browser retries
 * a post whose reused connection the server closed after leaving an earlier body unread.
 * `keepAlive` asks to keep the connection, as a browser does; the server then reads to the end
 * of a body it refused before answering, instead of closing while the body is still on its way.
 */
export async function postParts(
	request: APIRequestContext,
	path: string,
	parts: FormPart[],
	options: { token: string | null; encoding?: Encoding; keepAlive?: boolean }
) {
	const { body, contentType } = encodeForm(parts, options.encoding ?? 'urlencoded');
	return request.post(path, {
		data: body,
		maxRedirects: 0,
		headers: {
			'content-type': contentType,
			origin: ORIGIN,
			accept: 'text/html',
			connection: options.keepAlive ? 'keep-alive' : 'close',
			...(options.token ? { cookie: `session=${options.token}` } : {})
		}
	});
}

/** Posts text fields, urlencoded. */
export function postForm(
	request: APIRequestContext,
	path: string,
	fields: Record<string, string>,
	token: string | null
) {
	const parts = Object.entries(fields).map(([name, text]) => ({
		name,
		value: { kind: 'text' as const, text }
	}));
	return postParts(request, path, parts, { token });
}
