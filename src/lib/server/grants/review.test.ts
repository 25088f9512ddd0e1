// A welfare officer's decisions: approving, declining, asking, and the order of the queue.
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import type { User } from '../db/schema/index.ts';
import { createGrantRound, createMemberInGoodStanding } from '../testing/fixtures.ts';
import { clearGrantDesk, mailer, statusOf, submitted } from '../testing/submitted-application.ts';
import { saveAnswers, startApplication, submitApplication } from './applications.ts';
import { addEvidence } from './evidence.ts';
import { decideApplication, listGrantQueue } from './review.ts';
import { grantBudget } from './rounds.ts';

let officer: User;
beforeEach(async () => {
	officer = await clearGrantDesk();
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
