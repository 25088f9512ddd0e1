import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const secretBytes = Buffer.from('branchdesk-test-webhook-secret');
vi.hoisted(() => {
	process.env.RESEND_WEBHOOK_SECRET = `whsec_${Buffer.from('branchdesk-test-webhook-secret').toString('base64')}`;
});

import { db, table } from '$lib/server/db';
import { queueEmail } from '$lib/server/email/outbox';
import { POST } from './+server';

function signedRequest(payload: object, secret = secretBytes) {
	const body = JSON.stringify(payload);
	const id = `msg_${Math.random().toString(36).slice(2)}`;
	const timestamp = String(Math.floor(Date.now() / 1000));
	const signature = createHmac('sha256', secret)
		.update(`${id}.${timestamp}.${body}`)
		.digest('base64');
	return new Request('http://localhost/api/webhooks/resend', {
		method: 'POST',
		body,
		headers: { 'svix-id': id, 'svix-timestamp': timestamp, 'svix-signature': `v1,${signature}` }
	});
}

const call = (request: Request) => POST({ request } as Parameters<typeof POST>[0]);

beforeEach(async () => {
	await db.delete(table.outbox);
	await db.delete(table.emailSuppressions);
	await queueEmail(db, {
		idempotencyKey: 'webhook/1',
		to: { email: 'member@example.org' },
		template: 'test',
		subject: 's',
		text: 't',
		html: 'h'
	});
	await db.update(table.outbox).set({ status: 'sent', providerId: 'resend-id-1' });
});

describe('Resend webhooks', () => {
	it('records a delivery against the message it belongs to', async () => {
		const response = await call(
			signedRequest({
				type: 'email.delivered',
				data: { email_id: 'resend-id-1', to: ['member@example.org'] }
			})
		);
		expect(response.status).toBe(200);
		const [row] = await db
			.select()
			.from(table.outbox)
			.where(eq(table.outbox.providerId, 'resend-id-1'));
		expect(row.deliveryStatus).toBe('delivered');
		expect(await db.select().from(table.emailSuppressions)).toEqual([]);
	});

	it('suppresses an address that bounced', async () => {
		await call(
			signedRequest({
				type: 'email.bounced',
				data: { email_id: 'resend-id-1', to: ['Member@Example.org'] }
			})
		);
		const suppressed = await db.select().from(table.emailSuppressions);
		expect(suppressed).toMatchObject([{ email: 'member@example.org', reason: 'bounced' }]);
	});

	it('refuses a request whose signature does not verify', async () => {
		const forged = signedRequest(
			{ type: 'email.complained', data: { email_id: 'resend-id-1', to: ['member@example.org'] } },
			Buffer.from('someone-else')
		);
		await expect(call(forged)).rejects.toMatchObject({ status: 401 });
		expect(await db.select().from(table.emailSuppressions)).toEqual([]);
	});
});
