import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { openDatabase } from '../db/client.ts';
import type { GrantRound } from '../db/schema/index.ts';
import {
	createGrantRound,
	createMember,
	createMemberInGoodStanding,
	emptyDatabase
} from '../testing/fixtures.ts';
import { saveAnswers, startApplication, submitApplication } from './applications.ts';
import { encryptBankDetails } from './bank-details.ts';
import { addEvidence } from './evidence.ts';
import { decideApplication, listGrantQueue, revealBankDetails } from './review.ts';
import { currentRound, grantBudget, grantsTakingApplications } from './rounds.ts';

const mailer = { origin: 'http://localhost:3000', branchName: 'Test Branch' };

async function submitted(round: GrantRound, answers: Record<string, unknown> = {}) {
	const member = await createMemberInGoodStanding();
	const draft = await startApplication(member.id, round.id);
	await saveAnswers(draft, {
		addressLine1: `${member.id} Acacia Road`,
		postcode: 'B15 2TT',
		paymentType: 'direct-debit',
		...answers
	});
	const [saved] = await db
		.select()
		.from(table.grantApplications)
		.where(eq(table.grantApplications.id, draft.id));
	await submitApplication(saved, round, member, mailer);
	return { member, id: draft.id };
}

async function statusOf(id: number) {
	const [row] = await db
		.select()
		.from(table.grantApplications)
		.where(eq(table.grantApplications.id, id));
	return row.status;
}

let officer: Awaited<ReturnType<typeof createMember>>;
beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.outbox);
	await db.delete(table.auditLog);
	officer = await createMember({ roles: ['welfare'] });
});

describe('a welfare officer decides an application', () => {
	it('asks for more information, then approves and marks it paid, emailing and audit-logging each step', async () => {
		const round = await createGrantRound();
		const { member, id } = await submitted(round);
		expect(
			await decideApplication(
				id,
				{ kind: 'request-info', message: 'Send a recent bill.' },
				officer.id,
				mailer
			)
		).toEqual({ ok: true });
		expect(await statusOf(id)).toBe('needs-info');
		expect(
			await decideApplication(id, { kind: 'approve', awardPence: 10_000 }, officer.id, mailer)
		).toMatchObject({ ok: false });

		const [needsInfo] = await db
			.select()
			.from(table.grantApplications)
			.where(eq(table.grantApplications.id, id));
		expect(
			await submitApplication(needsInfo, round, member, mailer, { reply: 'Bill attached.' })
		).toBe(true);
		expect(
			await decideApplication(id, { kind: 'approve', awardPence: 10_000 }, officer.id, mailer)
		).toEqual({ ok: true });
		expect(
			await decideApplication(
				id,
				{ kind: 'mark-paid', paidOn: new Date(), paymentReference: 'BACS-1' },
				officer.id,
				mailer
			)
		).toEqual({ ok: true });
		expect(await statusOf(id)).toBe('paid');

		const mail = await db
			.select()
			.from(table.outbox)
			.where(eq(table.outbox.recipient, member.email));
		expect(mail.map((m) => m.template)).toEqual([
			'grant-received',
			'grant-needs-info',
			'grant-received',
			'grant-approved',
			'grant-paid'
		]);
		const audit = await db.select().from(table.auditLog);
		expect(audit.map((a) => a.action)).toEqual([
			'grant.request-info',
			'grant.approve',
			'grant.mark-paid'
		]);
		expect(await grantBudget(round.id)).toEqual({
			budgetPence: 1_500_000,
			committedPence: 10_000,
			paidPence: 10_000,
			leftPence: 1_490_000
		});
	});

	it('declines with a reason, emailing the member and audit-logging it, and a declined application cannot then be approved', async () => {
		const round = await createGrantRound();
		const { member, id } = await submitted(round);
		expect(
			await decideApplication(
				id,
				{ kind: 'decline', reason: 'Household savings are over the limit' },
				officer.id,
				mailer
			)
		).toEqual({ ok: true });
		const [application] = await db
			.select()
			.from(table.grantApplications)
			.where(eq(table.grantApplications.id, id));
		expect(application).toMatchObject({
			status: 'declined',
			decisionReason: 'Household savings are over the limit',
			decidedBy: officer.id
		});
		const declinedMail = await db
			.select()
			.from(table.outbox)
			.where(eq(table.outbox.template, 'grant-declined'));
		expect(declinedMail).toHaveLength(1);
		expect(declinedMail[0].recipient).toBe(member.email);
		expect(declinedMail[0].subject).toContain(application.reference);
		expect(declinedMail[0].textBody).toContain('Household savings are over the limit');
		const audit = await db
			.select()
			.from(table.auditLog)
			.where(eq(table.auditLog.action, 'grant.decline'));
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			actorUserId: officer.id,
			subjectType: 'grant_application',
			subjectId: String(id),
			detail: { reference: application.reference, from: 'submitted', to: 'declined' }
		});
		const again = await decideApplication(
			id,
			{ kind: 'approve', awardPence: 10_000 },
			officer.id,
			mailer
		);
		expect(again).toEqual({ ok: false, error: expect.stringMatching(/now “declined”/) });
	});

	it('flags applications with no evidence uploaded in the queue', async () => {
		const round = await createGrantRound();
		const without = await submitted(round);
		const member = await createMemberInGoodStanding();
		const draft = await startApplication(member.id, round.id);
		const pdf = new TextEncoder().encode('%PDF-1.7\n%test\n');
		expect(
			await addEvidence(draft, { name: 'payslip.pdf', size: pdf.length, bytes: pdf })
		).toMatchObject({ ok: true });
		await saveAnswers(draft, { addressLine1: '1 Canal Street', postcode: 'B1 1AA' });
		const [saved] = await db
			.select()
			.from(table.grantApplications)
			.where(eq(table.grantApplications.id, draft.id));
		await submitApplication(saved, round, member, mailer);
		const queue = await listGrantQueue(round.id);
		const flag = (id: number) => Boolean(queue.find((row) => row.id === id)?.noEvidence);
		expect(flag(without.id)).toBe(true);
		expect(flag(draft.id)).toBe(false);
	});

	it('puts first-time applicants and prepayment meters at the front of the queue', async () => {
		const round = await createGrantRound();
		const returning = await submitted(round, { previousAward: true });
		const prepayment = await submitted(round, { paymentType: 'prepayment', previousAward: true });
		const firstTime = await submitted(round, { previousAward: false });
		const queue = await listGrantQueue(round.id);
		expect(queue.map((q) => q.id)).toEqual([firstTime.id, prepayment.id, returning.id]);
	});
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
