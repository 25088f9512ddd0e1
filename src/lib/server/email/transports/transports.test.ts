import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeResend } from '../../../../../tests/fakes/fake-resend.ts';
import { SmtpSink, type MimePart } from '../../../../../tests/fakes/smtp-sink.ts';
import { buildBookingInvite } from '../../calendar/booking-invite.ts';
import type { Envelope } from '../message.ts';
import { createResendTransport } from './resend.ts';
import { createSmtpTransport } from './smtp.ts';

const invite = buildBookingInvite({
	method: 'REQUEST',
	bookingId: 1,
	sequence: 3,
	event: {
		title: 'Equal pay: know your rights',
		summary: 'An evening session.',
		venueName: 'Branch office',
		venueAddress: null,
		venuePostcode: null,
		accessNotes: null,
		onlineUrl: null
	},
	session: {
		id: 2,
		startsAt: new Date('2027-01-14T18:00:00Z'),
		endsAt: new Date('2027-01-14T20:30:00Z'),
		number: 1,
		of: 1
	},
	organizer: { email: 'events@branch.example', name: 'Birmingham City Branch' },
	attendee: { email: 'amara@example.org', name: 'Amara Okafor' },
	manageUrl: 'http://localhost:3000/account/bookings',
	calendarDomain: 'branch.example',
	branchName: 'Birmingham City Branch'
});

const envelope: Envelope = {
	idempotencyKey: 'booking-confirmed/1/seq-3',
	from: { email: 'events@branch.example', name: 'Birmingham City Branch' },
	to: { email: 'amara@example.org', name: 'Amara Okafor' },
	subject: 'Your place is booked',
	text: 'See you there.',
	html: '<p>See you there.</p>',
	calendar: invite
};

describe('Resend transport', () => {
	const fake = new FakeResend();
	beforeAll(async () => {
		await fake.start();
		process.env.RESEND_BASE_URL = fake.url;
	});
	afterAll(() => fake.stop());

	it('posts the message with the outbox key as Idempotency-Key and the invite as text/calendar', async () => {
		const outcome = await createResendTransport('re_test_key').send(envelope);
		expect(outcome).toEqual({ kind: 'accepted', providerId: expect.stringMatching(/^fake-/) });
		const request = fake.requests.at(-1)!;
		expect(request.idempotencyKey).toBe('booking-confirmed/1/seq-3');
		expect(request.authorization).toBe('Bearer re_test_key');
		expect(request.body).toMatchObject({
			from: 'Birmingham City Branch <events@branch.example>',
			to: ['Amara Okafor <amara@example.org>'],
			subject: 'Your place is booked',
			text: 'See you there.',
			html: '<p>See you there.</p>'
		});
		const [attachment] = request.body.attachments!;
		expect(attachment.content_type).toBe('text/calendar; charset=UTF-8; method=REQUEST');
		const ics = Buffer.from(attachment.content, 'base64').toString('utf8');
		expect(new ICAL.Component(ICAL.parse(ics)).getFirstPropertyValue('method')).toBe('REQUEST');
	});

	it('reads 429 with retry-after as retry later, 500 as retry, 422 as rejected', async () => {
		const transport = createResendTransport('re_test_key');
		fake.answerNext({ status: 429, retryAfterSeconds: 3 }, { status: 500 }, { status: 422 });
		expect(await transport.send(envelope)).toMatchObject({ kind: 'retry', retryAfterMs: 3000 });
		expect(await transport.send(envelope)).toMatchObject({ kind: 'retry' });
		expect(await transport.send(envelope)).toMatchObject({ kind: 'rejected' });
	});

	it('retries a 409 for a key still in progress, and fails one reused for a different message', async () => {
		const transport = createResendTransport('re_test_key');
		fake.answerNext({
			status: 409,
			body: {
				statusCode: 409,
				name: 'concurrent_idempotent_requests',
				message: 'Same idempotency key used while original request is still in progress'
			}
		});
		expect(await transport.send(envelope)).toMatchObject({ kind: 'retry' });

		const reused = { ...envelope, idempotencyKey: 'reused-key' };
		expect((await transport.send(reused)).kind).toBe('accepted');
		const outcome = await transport.send({ ...reused, subject: 'Something else' });
		expect(outcome).toEqual({
			kind: 'rejected',
			error: expect.stringContaining('409 invalid_idempotent_request')
		});
	});

	it('abandons a request the API does not answer within the send timeout, to retry later', async () => {
		fake.delayAnswers(2000);
		const started = Date.now();
		const outcome = await createResendTransport('re_test_key', 300).send({
			...envelope,
			idempotencyKey: 'slow-answer'
		});
		fake.delayAnswers(0);
		expect(outcome).toEqual({ kind: 'retry', error: 'no answer within 300 ms' });
		expect(Date.now() - started).toBeLessThan(1500);
	});

	it('treats an unreachable API as retry later', async () => {
		process.env.RESEND_BASE_URL = 'http://127.0.0.1:9';
		const outcome = await createResendTransport('re_test_key').send(envelope);
		process.env.RESEND_BASE_URL = fake.url;
		expect(outcome.kind).toBe('retry');
	});
});

function findPart(part: MimePart, test: (part: MimePart) => boolean): MimePart | undefined {
	if (test(part)) return part;
	for (const child of part.children) {
		const found = findPart(child, test);
		if (found) return found;
	}
	return undefined;
}

describe('SMTP transport', () => {
	const sink = new SmtpSink();
	beforeAll(() => sink.start());
	afterAll(() => sink.stop());

	it('sends the invite as an inline text/calendar alternative whose method matches the body', async () => {
		const outcome = await createSmtpTransport(sink.url).send(envelope);
		expect(outcome.kind).toBe('accepted');
		const { parsed, tree } = sink.messages.at(-1)!;
		expect(parsed.subject).toBe('Your place is booked');
		expect(parsed.text?.trim()).toBe('See you there.');
		// The calendar is one of the alternatives beside the text and HTML, not an attachment.
		const alternative = findPart(tree, (part) =>
			part.children.some((child) => child.contentType === 'text/calendar')
		);
		expect(alternative?.contentType).toBe('multipart/alternative');
		expect(alternative!.children.map((child) => child.contentType)).toEqual([
			'text/plain',
			'text/html',
			'text/calendar'
		]);
		const calendarPart = alternative!.children.find((c) => c.contentType === 'text/calendar')!;
		expect(calendarPart.params.method).toBe('REQUEST');
		const ics = parsed.attachments.find((a) => a.contentType === 'text/calendar')!.content;
		const method = new ICAL.Component(ICAL.parse(ics.toString('utf8'))).getFirstPropertyValue(
			'method'
		);
		expect(method).toBe(calendarPart.params.method);
	});

	it("carries the outbox key as Resend-Idempotency-Key, which Resend's relay sends once", async () => {
		await createSmtpTransport(sink.url).send(envelope);
		const { parsed } = sink.messages.at(-1)!;
		expect(parsed.headers.get('resend-idempotency-key')).toBe('booking-confirmed/1/seq-3');
	});

	it('gives up on a server that does not accept the message within the send timeout', async () => {
		sink.delayReplies(2000);
		const started = Date.now();
		const outcome = await createSmtpTransport(sink.url, 300).send(envelope);
		sink.delayReplies(0);
		expect(outcome.kind).toBe('retry');
		expect(Date.now() - started).toBeLessThan(1500);
	});

	it('reads a refused connection as retry later', async () => {
		const outcome = await createSmtpTransport('smtp://127.0.0.1:9').send(envelope);
		expect(outcome.kind).toBe('retry');
	});
});
