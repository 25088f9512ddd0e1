// The money side of decisions: bank details shown for payment; the budget never overspent.
import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { openDatabase } from '../db/client.ts';
import type { User } from '../db/schema/index.ts';
import { createGrantRound, createMemberInGoodStanding } from '../testing/fixtures.ts';
import { clearGrantDesk, mailer, statusOf, submitted } from '../testing/submitted-application.ts';
import { startApplication } from './applications.ts';
import { encryptBankDetails } from './bank-details.ts';
import { decideApplication, revealBankDetails } from './review.ts';
import { currentRound, grantBudget, grantsTakingApplications } from './rounds.ts';

let officer: User;
beforeEach(async () => {
	officer = await clearGrantDesk();
});

describe('bank details for the payment', () => {
	it('are shown in full only for an approved grant, and each reveal is audit-logged', async () => {
		const round = await createGrantRound();
		const { id } = await submitted(round);
		const key = Buffer.alloc(32, 9);
		const [row] = await db
			.select()
			.from(table.grantApplications)
			.where(eq(table.grantApplications.id, id));
		await db
			.update(table.grantApplications)
			.set({
				bankDetailsCiphertext: encryptBankDetails(
					{ accountName: 'A', sortCode: '309950', accountNumber: '00733445' },
					key
				)
			})
			.where(eq(table.grantApplications.id, row.id));
		expect(await revealBankDetails(id, officer.id, key)).toBeNull();
		await decideApplication(id, { kind: 'approve', awardPence: 10_000 }, officer.id, mailer);
		expect(await revealBankDetails(id, officer.id, key)).toEqual({
			accountName: 'A',
			sortCode: '309950',
			accountNumber: '00733445'
		});
		const audit = await db
			.select()
			.from(table.auditLog)
			.where(eq(table.auditLog.action, 'grant.bank-details-viewed'));
		expect(audit).toHaveLength(1);
	});
});

describe('the round budget (invariant 4)', () => {
	it('never approves past the budget', async () => {
		const round = await createGrantRound({ budgetPence: 25_000 });
		const first = await submitted(round);
		const second = await submitted(round);
		expect(
			await decideApplication(first.id, { kind: 'approve', awardPence: 20_000 }, officer.id, mailer)
		).toEqual({ ok: true });
		const over = await decideApplication(
			second.id,
			{ kind: 'approve', awardPence: 10_000 },
			officer.id,
			mailer
		);
		expect(over).toEqual({ ok: false, error: expect.stringMatching(/over its budget/) });
		expect(await statusOf(second.id)).toBe('submitted');
		expect(
			await decideApplication(second.id, { kind: 'approve', awardPence: 5_000 }, officer.id, mailer)
		).toEqual({ ok: true });
	});

	it('lets exactly one of two officers approving the last £100 at the same moment succeed', async () => {
		const round = await createGrantRound({ budgetPence: 30_000 });
		const already = await submitted(round);
		await decideApplication(
			already.id,
			{ kind: 'approve', awardPence: 20_000 },
			officer.id,
			mailer
		);
		const a = await submitted(round);
		const b = await submitted(round);
		// A second client on the same database file: a separate connection, as a second server process would have.
		const other = openDatabase({ url: process.env.DATABASE_URL!, busyTimeoutMs: 10_000 });
		const results = await Promise.all([
			decideApplication(
				a.id,
				{ kind: 'approve', awardPence: 10_000 },
				officer.id,
				mailer,
				new Date(),
				db
			),
			decideApplication(
				b.id,
				{ kind: 'approve', awardPence: 10_000 },
				officer.id,
				mailer,
				new Date(Date.now() + 1),
				other.db
			)
		]);
		other.client.close();
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.find((r) => !r.ok)).toEqual({
			ok: false,
			error: expect.stringMatching(/over its budget/)
		});
		expect((await grantBudget(round.id)).committedPence).toBe(30_000);
		const approvals = await db
			.select()
			.from(table.outbox)
			.where(eq(table.outbox.template, 'grant-approved'));
		expect(approvals).toHaveLength(2);
	});

	it('stops the round taking applications once the budget is committed, and the header link goes', async () => {
		expect(await grantsTakingApplications()).toBe(false);
		const round = await createGrantRound({ budgetPence: 10_000 });
		expect((await currentRound()).kind).toBe('open');
		expect(await grantsTakingApplications()).toBe(true);
		const { id } = await submitted(round);
		await decideApplication(id, { kind: 'approve', awardPence: 10_000 }, officer.id, mailer);
		expect(await currentRound()).toMatchObject({ kind: 'budget-spent', budget: { leftPence: 0 } });
		expect(await grantsTakingApplications()).toBe(false);
		expect(await grantsTakingApplications(new Date(round.opensAt.getTime() - 1))).toBe(false);
	});

	it('tells members with a draft or a waiting application when the last of the budget is approved, once each', async () => {
		const round = await createGrantRound({ budgetPence: 20_000 });
		const first = await submitted(round);
		const second = await submitted(round);
		const waiting = await submitted(round);
		const asked = await submitted(round);
		await decideApplication(
			asked.id,
			{ kind: 'request-info', message: 'Send a bill.' },
			officer.id,
			mailer
		);
		const declined = await submitted(round);
		await decideApplication(
			declined.id,
			{ kind: 'decline', reason: 'Savings' },
			officer.id,
			mailer
		);
		const drafter = await createMemberInGoodStanding();
		await startApplication(drafter.id, round.id);
		const spentMail = () =>
			db
				.select()
				.from(table.outbox)
				.where(sql`${table.outbox.template} like 'grant-budget-spent%'`)
				.orderBy(table.outbox.recipient);
		await decideApplication(first.id, { kind: 'approve', awardPence: 10_000 }, officer.id, mailer);
		expect(await spentMail()).toHaveLength(0);
		await decideApplication(second.id, { kind: 'approve', awardPence: 10_000 }, officer.id, mailer);
		const mail = await spentMail();
		const byRecipient = Object.fromEntries(mail.map((m) => [m.recipient, m]));
		expect(Object.keys(byRecipient).sort()).toEqual(
			[drafter.email, waiting.member.email, asked.member.email].sort()
		);

		const toDrafter = byRecipient[drafter.email];
		expect(toDrafter.template).toBe('grant-budget-spent');
		expect(toDrafter.subject).toContain('no longer taking applications');
		expect(toDrafter.textBody).toContain('so you cannot submit it');

		for (const { member, id } of [waiting, asked]) {
			const [application] = await db
				.select()
				.from(table.grantApplications)
				.where(eq(table.grantApplications.id, id));
			const sent = byRecipient[member.email];
			expect(sent.template).toBe('grant-budget-spent-pending');
			expect(sent.subject).toContain(application.reference);
			expect(sent.textBody).toContain(
				`Your application ${application.reference} has not been decided yet`
			);
			expect(sent.textBody).toContain('no money left in the fund to approve it');
			expect(sent.textBody).toContain('email you their decision');
			expect(sent.htmlBody).toContain(application.reference);
			expect(sent.textBody).not.toContain('{{reference}}');
		}
	});
});
