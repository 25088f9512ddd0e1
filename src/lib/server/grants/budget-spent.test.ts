import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import type { GrantRound } from '../db/schema/index.ts';
import {
	createGrantRound,
	createMember,
	createMemberInGoodStanding,
	emptyDatabase
} from '../testing/fixtures.ts';
import { saveAnswers, startApplication, submitApplication } from './applications.ts';
import { decideApplication } from './review.ts';
import { currentRound } from './rounds.ts';

const mailer = { origin: 'http://localhost:3000', branchName: 'Test Branch' };

async function submitted(round: GrantRound) {
	const member = await createMemberInGoodStanding();
	const draft = await startApplication(member.id, round.id);
	await saveAnswers(draft, {
		addressLine1: `${member.id} Acacia Road`,
		postcode: 'B15 2TT',
		paymentType: 'direct-debit'
	});
	const [saved] = await db
		.select()
		.from(table.grantApplications)
		.where(eq(table.grantApplications.id, draft.id));
	await submitApplication(saved, round, member, mailer);
	return { member, id: draft.id };
}

const spentMail = () =>
	db
		.select()
		.from(table.outbox)
		.where(sql`${table.outbox.template} like 'grant-budget-spent%'`);

beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.outbox);
});

describe('telling applicants the money has run out', () => {
	it('waits while what is left can still fund a smaller award: four £100 awards against £450, then £50', async () => {
		const officer = await createMember({ roles: ['welfare'] });
		const round = await createGrantRound({ budgetPence: 45_000, standardAwardPence: 10_000 });
		const applications = [];
		for (let i = 0; i < 10; i++) applications.push(await submitted(round));
		for (const { id } of applications.slice(0, 4))
			await decideApplication(id, { kind: 'approve', awardPence: 10_000 }, officer.id, mailer);
		expect(await spentMail()).toHaveLength(0);
		expect(await currentRound()).toMatchObject({ kind: 'open', budget: { leftPence: 5_000 } });

		const fifth = applications[4];
		expect(
			await decideApplication(fifth.id, { kind: 'approve', awardPence: 5_000 }, officer.id, mailer)
		).toEqual({ ok: true });
		const told = await spentMail();
		expect(told.map((m) => m.recipient).sort()).toEqual(
			applications
				.slice(5)
				.map((a) => a.member.email)
				.sort()
		);
		expect(await currentRound()).toMatchObject({ kind: 'budget-spent' });
	});
});
