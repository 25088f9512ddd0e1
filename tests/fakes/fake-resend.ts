// A stand-in for Resend's HTTP API (POST /emails) on localhost. It records every request, and
// behaves like Resend where the tests need it to: a repeated Idempotency-Key gets the first
// answer again without a second email (counted as a replay, so a test can still see that a
// sender asked twice); a key reused with a different body is refused with 409
// invalid_idempotent_request. It can refuse with 429 + retry-after, 500 or 422, fail a share of
// calls at random, hold each answer back, enforce a requests-per-second limit over a sliding
// window, or be down altogether: answering 503, or not answering at all (connections cut as
// they open).
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
	/** When the request arrived (ms since the epoch). */
	at: number;
	/** The pause a 429 asked for, in ms. */
	retryAfterMs?: number;
};

type Script = { status: number; retryAfterSeconds?: number; body?: object };

export class FakeResend {
	readonly requests: RecordedRequest[] = [];
	/** Emails accepted as new sends, by idempotency key (Resend never accepts a key twice). */
	readonly accepted = new Map<string, number>();
	/** Requests for a key already accepted, answered from the cache: the sender asked twice. */
	readonly replayed = new Map<string, number>();
	private readonly answers = new Map<string, { id: string; body: string }>();
	private scripted: Script[] = [];
	private failureRate = 0;
	private rateLimitPerSecond = 0;
	/** When each request let through the rate limit in the last second arrived. */
	private admitted: number[] = [];
	private delayMs = 0;
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

	/** At most `perSecond` requests in any one-second window; the rest get 429 with retry-after. */
	limitRate(perSecond: number) {
		this.rateLimitPerSecond = perSecond;
	}

	/** Holds every answer back this long, like a provider that is slow to respond. */
	delayAnswers(ms: number) {
		this.delayMs = ms;
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

	/**
	 * Keys sent more than once: accepted as new, then asked for again. Resend's idempotency
	 * turns each repeat into a replay, but the same sender over SMTP would put a second copy in
	 * a member's inbox, so outside a crash there must be none.
	 */
	duplicates() {
		return [...this.accepted.keys()]
			.map((key) => [key, (this.accepted.get(key) ?? 0) + (this.replayed.get(key) ?? 0)] as const)
			.filter(([, n]) => n > 1);
	}

	/** Keys the fake was asked about again after accepting them (a resend after a crash). */
	replays() {
		return [...this.replayed.entries()];
	}

	private async handle(req: IncomingMessage) {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
		const idempotencyKey = (req.headers['idempotency-key'] as string) ?? null;
		const at = Date.now();
		const answer = this.answer(req, idempotencyKey, body, at);
		const retryAfter = answer.headers['retry-after'];
		this.requests.push({
			idempotencyKey,
			authorization: (req.headers.authorization as string) ?? null,
			body,
			answeredWith: answer.status,
			at,
			retryAfterMs: retryAfter === undefined ? undefined : Number(retryAfter) * 1000
		});
		if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
		return answer;
	}

	private answer(
		req: IncomingMessage,
		key: string | null,
		body: { to?: unknown },
		now: number
	): { status: number; headers: Record<string, string>; body: object } {
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
			this.admitted = this.admitted.filter((t) => now - t < 1000);
			if (this.admitted.length >= this.rateLimitPerSecond) {
				// The wait until the oldest request in the window leaves it, in (fractional) seconds.
				const waitMs = this.admitted[0] + 1000 - now;
				return error(429, 'rate_limit_exceeded', { 'retry-after': (waitMs / 1000).toFixed(3) });
			}
			this.admitted.push(now);
		}
		if (this.failureRate > 0 && Math.random() < this.failureRate) {
			return error(500, 'internal_server_error');
		}
		if (!Array.isArray(body.to) || body.to.length === 0) return error(422, 'validation_error');
		const fingerprint = JSON.stringify(body);
		const known = key ? this.answers.get(key) : undefined;
		if (key && known) {
			if (known.body !== fingerprint) return error(409, 'invalid_idempotent_request');
			this.replayed.set(key, (this.replayed.get(key) ?? 0) + 1);
			return { status: 200, headers: {}, body: { id: known.id } };
		}
		const result = { id: `fake-${++this.serial}` };
		if (key) {
			this.answers.set(key, { id: result.id, body: fingerprint });
			this.accepted.set(key, (this.accepted.get(key) ?? 0) + 1);
		}
		return { status: 200, headers: {}, body: result };
	}
}
