// The request id every log line of a request carries (and the error page shows), and the one
// line logged per request. The route is logged as its pattern (`/calendar/[token].ics`), never
// the URL, so tokens in paths and query strings stay out of the logs.
import { randomBytes } from 'node:crypto';
import { log, type LogFields, type Logger } from './log.ts';

/** A proxy's own X-Request-Id is kept when it looks like an id, so the two logs line up. */
const FORWARDED_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** A–Z and 2–7: nothing to mistake for anything else when a reference is read out over the phone. */
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ID_LENGTH = 10;
// Random bytes drawn 4 KB at a time: one system call per 400 requests rather than one each.
let randomPool = Buffer.alloc(0);
let poolOffset = 0;

export function requestIdFor(request: Request) {
	const forwarded = request.headers.get('x-request-id');
	if (forwarded && FORWARDED_ID.test(forwarded)) return forwarded;
	if (poolOffset + ID_LENGTH > randomPool.length) {
		randomPool = randomBytes(4096);
		poolOffset = 0;
	}
	let id = '';
	for (let i = 0; i < ID_LENGTH; i++) id += ID_ALPHABET[randomPool[poolOffset++] & 31];
	return id;
}

export type RequestFacts = {
	requestId: string;
	method: string;
	route: string | null;
	userId: number | null;
};

export function logRequest(facts: RequestFacts, status: number, ms: number, logger: Logger = log) {
	const fields: LogFields = { ...facts, status, ms: Math.round(ms) };
	// A load balancer asks for /healthz every few seconds: worth seeing only when debugging.
	if (facts.route === '/healthz') logger.debug('request', fields);
	else logger.info('request', fields);
}
