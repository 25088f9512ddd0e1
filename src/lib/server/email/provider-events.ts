// What Resend reports after sending (delivered, bounced, complained). A bounce or complaint
// suppresses the address: the outbox will not mail it again until an admin removes it.
import { eq } from 'drizzle-orm';
import { db, table } from '../db/index.ts';

export type ProviderEvent = { type: string; data?: { email_id?: string; to?: string[] } };

const DELIVERY_STATUS: Record<string, 'delivered' | 'bounced' | 'complained'> = {
	'email.delivered': 'delivered',
	'email.bounced': 'bounced',
	'email.complained': 'complained'
};

export async function recordProviderEvent(event: ProviderEvent, now = new Date()) {
	const status = DELIVERY_STATUS[event.type];
	const providerId = event.data?.email_id;
	if (!status || !providerId) return { recorded: false };
	const recordDelivery = db
		.update(table.outbox)
		.set({ deliveryStatus: status })
		.where(eq(table.outbox.providerId, providerId));
	const suppress =
		status === 'delivered'
			? []
			: (event.data?.to ?? []).map((address) =>
					db
						.insert(table.emailSuppressions)
						.values({
							email: address.toLowerCase(),
							reason: status,
							detail: providerId,
							createdAt: now
						})
						.onConflictDoNothing()
				);
	await db.batch([recordDelivery, ...suppress]);
	return { recorded: true, status };
}
