import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { emptyDatabase } from '../testing/fixtures.ts';
import { hashPassword } from './password.ts';
import { requestPasswordReset } from './password-reset.ts';

const KNOWN = 'amara@example.org';
const UNKNOWN = 'nobody@example.org';

beforeEach(async () => {
	await emptyDatabase();
	for (const t of [table.outbox, table.rateLimits, table.authTokens, table.auditLog])
		await db.delete(t);
	await db.insert(table.users).values({
		email: KNOWN,
		name: 'Amara Okafor',
		passwordHash: await hashPassword('tangerine lighthouse gravel orbit'),
		emailVerifiedAt: new Date()
	});
});

const emailsTo = (address: string) =>
	db.select().from(table.outbox).where(eq(table.outbox.recipient, address));

describe('asking for a password reset', () => {
	it('renders and queues one email for a known and an unknown address alike', async () => {
		expect(await requestPasswordReset(KNOWN)).toEqual({ ok: true });
		expect(await requestPasswordReset(UNKNOWN)).toEqual({ ok: true });
		const [known] = await emailsTo(KNOWN);
		const [unknown] = await emailsTo(UNKNOWN);
		expect(known).toMatchObject({ template: 'password-reset', subject: unknown.subject });
		expect(known.textBody).toContain('/reset-password?token=');
		expect(unknown.template).toBe('password-reset-no-account');
		expect(unknown.textBody).toContain('there is no account with it');
		expect(unknown.textBody).not.toContain('/reset-password');
		const audit = await db.select().from(table.auditLog);
		expect(audit.map((row) => row.action).sort()).toEqual([
			'password-reset-no-account',
			'password-reset-requested'
		]);
		expect(JSON.stringify(audit)).not.toContain(UNKNOWN);
	});

	it('takes about as long for an unknown address as for a known one', async () => {
		const taken: Record<string, number[]> = { [KNOWN]: [], [UNKNOWN]: [] };
		for (let i = 0; i < 60; i++) {
			for (const email of i % 2 ? [KNOWN, UNKNOWN] : [UNKNOWN, KNOWN]) {
				await db.delete(table.rateLimits);
				const started = performance.now();
				await requestPasswordReset(email);
				if (i >= 10) taken[email].push(performance.now() - started);
			}
		}
		const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1];
		const known = median(taken[KNOWN]);
		const unknown = median(taken[UNKNOWN]);
		console.log(
			`median reset request: known ${known.toFixed(2)} ms, unknown ${unknown.toFixed(2)} ms`
		);
		expect(unknown).toBeGreaterThan(known * 0.5);
	});
});
