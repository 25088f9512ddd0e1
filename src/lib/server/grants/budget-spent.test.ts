import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import type { User } from '../db/schema/index.ts';
import { createGrantRound } from '../testing/fixtures.ts';
import { clearGrantDesk, mailer, submitted } from '../testing/submitted-application.ts';
import { decideApplication } from './review.ts';
import { currentRound } from './rounds.ts';

const spentMail = () =>
	db
		.select()
		.from(table.outbox)
		.where(sql`${table.outbox.template} like 'grant-budget-spent%'`);

let officer: User;
beforeEach(async () => {
	officer = await clearGrantDesk();
});

describe('telling applicants the money has run out', () => {
	it('waits while what is left can still fund a smaller award: four £100 awards against £450, then £50', async () => {
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
