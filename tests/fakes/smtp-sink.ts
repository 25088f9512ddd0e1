// An SMTP server on localhost that accepts every message and keeps it: raw, parsed by
// mailparser, and as its MIME tree (which part sits inside which, with each part's content
// type and parameters), which mailparser does not expose. It can hold its "250 OK" back, like a
// slow server.
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type MimePart = {
	contentType: string;
	params: Record<string, string>;
	children: MimePart[];
};

export type CaughtMessage = { raw: string; parsed: ParsedMail; tree: MimePart };

/** Reads a part's headers (unfolded) and, for a multipart, its children between boundaries. */
export function readMimeTree(raw: string): MimePart {
	const split = raw.search(/\r?\n\r?\n/);
	const head = (split < 0 ? raw : raw.slice(0, split)).replace(/\r?\n[ \t]+/g, ' ');
	const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
	const header = head.split(/\r?\n/).find((line) => /^content-type:/i.test(line));
	const [type, ...rest] = (header?.replace(/^content-type:\s*/i, '') ?? 'text/plain').split(';');
	const params: Record<string, string> = {};
	for (const param of rest) {
		const at = param.indexOf('=');
		if (at > 0) {
			params[param.slice(0, at).trim().toLowerCase()] = param
				.slice(at + 1)
				.trim()
				.replace(/^"(.*)"$/, '$1');
		}
	}
	const contentType = type.trim().toLowerCase();
	const children: MimePart[] = [];
	if (contentType.startsWith('multipart/') && params.boundary) {
		const delimiter = `--${params.boundary}`;
		const sections = body.split(
			new RegExp(`\\r?\\n?${delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)
		);
		// Before the first delimiter is the preamble; after the closing "--" the epilogue.
		for (const section of sections.slice(1)) {
			if (section.startsWith('--')) break;
			children.push(readMimeTree(section.replace(/^[ \t]*\r?\n/, '')));
		}
	}
	return { contentType, params, children };
}

export class SmtpSink {
	readonly messages: CaughtMessage[] = [];
	private server: SMTPServer | null = null;
	private replyDelayMs = 0;
	url = '';

	/** Waits this long after each message before accepting it. */
	delayReplies(ms: number) {
		this.replyDelayMs = ms;
	}

	async start() {
		this.server = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			onData: (stream, _session, callback) => {
				const chunks: Buffer[] = [];
				stream.on('data', (c: Buffer) => chunks.push(c));
				stream.on('end', async () => {
					const raw = Buffer.concat(chunks).toString('utf8');
					this.messages.push({ raw, parsed: await simpleParser(raw), tree: readMimeTree(raw) });
					setTimeout(callback, this.replyDelayMs);
				});
			}
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		const { port } = this.server.server.address() as AddressInfo;
		this.url = `smtp://127.0.0.1:${port}`;
		return this;
	}

	async stop() {
		await new Promise<void>((resolve) => this.server?.close(() => resolve()));
	}
}
