// The admin checklist's test email: one message through the outbox and the configured
// transport, exactly as every other email goes, so its outbox row shows whether sending works.
import { desc, eq } from 'drizzle-orm';
import { config } from '../config.ts';
import { db, table } from '../db/index.ts';
import { generateSecret } from '../auth/secrets.ts';
import { queueEmail } from '../email/outbox.ts';
import { renderEmail } from '../email/templates/layout.ts';
import { emailWorkerRunsHere, wakeEmailWorker } from '../email/worker.ts';

export const TEST_EMAIL_TEMPLATE = 'test-email';

export type TestEmailOutcome = {
	id: number;
	recipient: string;
	status: 'pending' | 'sending' | 'sent' | 'failed' | 'dead' | 'suppressed';
	lastError: string | null;
	createdAt: Date;
	sentAt: Date | null;
};

/** Queues a test email to the admin's own address and wakes this process's email worker. */
export async function queueTestEmail(admin: { email: string; name: string }, now = new Date()) {
	const rendered = renderEmail(
		{
			subject: `Test email from ${config.branchName}`,
			preview: 'Email from the desk reaches you.',
			heading: 'Email is working',
			blocks: [
				{
					kind: 'paragraph',
					text: `This test was sent through ${config.email.transport === 'dev' ? 'the development mailbox (nothing leaves the server)' : config.email.transport}, from ${config.email.fromAddress}. Members' booking confirmations, reminders and password resets go out the same way.`
				}
			],
			reason: `You got this email because you pressed Send a test email on the ${config.branchName} admin page.`
		},
		{ branchName: config.branchName, origin: config.origin }
	);
	const idempotencyKey = `${TEST_EMAIL_TEMPLATE}/${generateSecret(16)}`;
	await queueEmail(
		db,
		{ idempotencyKey, template: TEST_EMAIL_TEMPLATE, to: admin, ...rendered },
		now
	);
	wakeEmailWorker();
	return idempotencyKey;
}

const FINISHED = new Set(['sent', 'failed', 'dead', 'suppressed']);

/** The most recent test email's outbox row: what the checklist shows. */
export async function readLastTestEmail(): Promise<TestEmailOutcome | null> {
	const o = table.outbox;
	const [row] = await db
		.select({
			id: o.id,
			recipient: o.recipient,
			status: o.status,
			lastError: o.lastError,
			createdAt: o.createdAt,
			sentAt: o.sentAt
		})
		.from(o)
		.where(eq(o.template, TEST_EMAIL_TEMPLATE))
		.orderBy(desc(o.id))
		.limit(1);
	return row ?? null;
}

/**
 * Waits (a few seconds at most) for the worker to hand the test email over, so the admin sees
 * the outcome at once; a slow provider leaves it pending, and the checklist shows it later.
 */
export async function awaitTestEmail(idempotencyKey: string, waitMs = 8000, pollMs = 200) {
	// With no worker here and none elsewhere (WORKERS=off means `npm run worker` sends), nothing
	// would change while we wait.
	if (!emailWorkerRunsHere() && config.workers === 'on') return;
	const o = table.outbox;
	const until = Date.now() + waitMs;
	for (;;) {
		const [row] = await db
			.select({ status: o.status, lastError: o.lastError })
			.from(o)
			.where(eq(o.idempotencyKey, idempotencyKey));
		// A failed try is retried later, but its first failure is already the answer.
		const tried = row?.status === 'pending' && row.lastError !== null;
		if (!row || FINISHED.has(row.status) || tried || Date.now() >= until) return;
		await new Promise((resolve) => setTimeout(resolve, pollMs));
	}
}
