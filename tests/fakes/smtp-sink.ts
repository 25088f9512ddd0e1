// An SMTP server on localhost that accepts every message and keeps it, raw and parsed. It can
// hold its "250 OK" back, like a slow server.
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type CaughtMessage = { raw: string; parsed: ParsedMail };

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
					this.messages.push({ raw, parsed: await simpleParser(raw) });
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
