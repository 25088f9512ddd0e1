// A stand-in for Resend's HTTP API (POST /emails) on localhost. It records every request, and
// behaves like Resend where the tests need it to: a repeated Idempotency-Key gets the first
// answer again without a second email; it can refuse with 429 + retry-after, 500 or 422, fail
// a share of calls at random, enforce a requests-per-second limit, or be down altogether:
// answering 503, or not answering at all (connections cut as they open).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RecordedRequest = {
	idempotencyKey: string | null;
	authorization: string | null;
	body: {
		from: string;
		to: string[];
		subject: string;
		text: string;
		html: string;
		attachments?: { filename: string; content: string; content_type: string }[];
	};
	answeredWith: number;
};

type Script = { status: number; retryAfterSeconds?: number; body?: object };

export class FakeResend {
	readonly requests: RecordedRequest[] = [];
	/** Emails accepted, by idempotency key: how many times each key was accepted as new. */
	readonly accepted = new Map<string, number>();
	/** Requests answered 200, by idempotency key, replays of a known key included. */
	readonly answered = new Map<string, number>();
	private readonly answers = new Map<string, { id: string }>();
	private scripted: Script[] = [];
	private failureRate = 0;
	private rateLimitPerSecond = 0;
	private windowStart = 0;
	private windowCount = 0;
	private down = false;
	private unreachable = false;
	private server: Server | null = null;
	private serial = 0;
	url = '';

	async start() {
		this.server = createServer((req, res) =>
			this.handle(req).then(({ status, headers, body }) => {
				res.writeHead(status, { 'content-type': 'application/json', ...headers });
				res.end(JSON.stringify(body));
			})
		);
		this.server.on('connection', (socket) => {
			if (this.unreachable) socket.destroy();
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
		return this;
	}

	async stop() {
		await new Promise((resolve) => this.server?.close(resolve));
	}

	/** The next calls get these answers, in order, before normal service resumes. */
	answerNext(...scripts: Script[]) {
		this.scripted.push(...scripts);
	}

	failRandomly(rate: number) {
		this.failureRate = rate;
	}

	limitRate(perSecond: number) {
		this.rateLimitPerSecond = perSecond;
	}

	/** Down but answering: every call gets 503 Service Unavailable. */
	setDown(down: boolean) {
		this.down = down;
	}

	/** Down at the network level: open connections are cut, new ones closed at once. */
	setUnreachable(unreachable: boolean) {
		this.unreachable = unreachable;
		if (unreachable) this.server?.closeAllConnections();
	}

	/** Keys whose email was sent more than once: a real duplicate in a member's inbox. */
	duplicates() {
		return [...this.accepted.entries()].filter(([, n]) => n > 1);
	}

	/** Keys the fake was asked about again after accepting them (a replay after a crash). */
	replays() {
		return [...this.answered.entries()].filter(([, n]) => n > 1);
	}

	private async handle(req: IncomingMessage) {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
		const idempotencyKey = (req.headers['idempotency-key'] as string) ?? null;
		const answer = this.answer(req, idempotencyKey, body);
		this.requests.push({
			idempotencyKey,
			authorization: (req.headers.authorization as string) ?? null,
			body,
			answeredWith: answer.status
		});
		return answer;
	}

	private answer(req: IncomingMessage, key: string | null, body: { to?: unknown }) {
		const error = (status: number, name: string, headers: Record<string, string> = {}) => ({
			status,
			headers,
			body: { statusCode: status, name, message: `${name} (fake)` }
		});
		if (req.method !== 'POST' || req.url !== '/emails') return error(404, 'not_found');
		if (this.down) return error(503, 'service_unavailable');
		const scripted = this.scripted.shift();
		if (scripted) {
			return {
				status: scripted.status,
				headers:
					scripted.retryAfterSeconds === undefined
						? {}
						: { 'retry-after': String(scripted.retryAfterSeconds) },
				body: scripted.body ?? {
					statusCode: scripted.status,
					name: 'scripted',
					message: 'scripted (fake)'
				}
			};
		}
		if (this.rateLimitPerSecond > 0) {
			const now = Date.now();
			if (now - this.windowStart >= 1000) {
				this.windowStart = now;
				this.windowCount = 0;
			}
			if (++this.windowCount > this.rateLimitPerSecond) {
				return error(429, 'rate_limit_exceeded', { 'retry-after': '1' });
			}
		}
		if (this.failureRate > 0 && Math.random() < this.failureRate) {
			return error(500, 'internal_server_error');
		}
		if (!Array.isArray(body.to) || body.to.length === 0) return error(422, 'validation_error');
		if (key && this.answers.has(key))
			return { status: 200, headers: {}, body: this.answers.get(key)! };
		const result = { id: `fake-${++this.serial}` };
		if (key) {
			this.answers.set(key, result);
			this.accepted.set(key, (this.accepted.get(key) ?? 0) + 1);
		}
		return { status: 200, headers: {}, body: result };
	}
}
