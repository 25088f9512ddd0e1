import { error, json } from '@sveltejs/kit';
import { Resend } from 'resend';
import { config } from '$lib/server/config';
import { recordProviderEvent, type ProviderEvent } from '$lib/server/email/provider-events';

export const POST = async ({ request }) => {
	const secret = config.email.resendWebhookSecret;
	if (!secret) error(404, 'Not found');
	const payload = await request.text();
	let event: ProviderEvent;
	try {
		event = new Resend(config.email.resendApiKey ?? 're_unused').webhooks.verify({
			payload,
			headers: {
				id: request.headers.get('svix-id') ?? request.headers.get('webhook-id') ?? '',
				timestamp:
					request.headers.get('svix-timestamp') ?? request.headers.get('webhook-timestamp') ?? '',
				signature:
					request.headers.get('svix-signature') ?? request.headers.get('webhook-signature') ?? ''
			},
			webhookSecret: secret
		}) as ProviderEvent;
	} catch {
		error(401, 'Invalid webhook signature');
	}
	return json(await recordProviderEvent(event));
};
