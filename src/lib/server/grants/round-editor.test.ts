import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import type { User } from '../db/schema/index.ts';
import { createGrantRound, createMemberInGoodStanding } from '../testing/fixtures.ts';
import { clearGrantDesk, submitted } from '../testing/submitted-application.ts';
import { startApplication } from './applications.ts';
import { chooseDrawnOrder } from './drawn-order.ts';
import { createRound, updateRound } from './round-editor.ts';
import { blankRoundForm, roundFormValues, validateRoundForm } from './round-form.ts';
import { currentRound, findRound } from './rounds.ts';

let officer: User;
beforeEach(async () => {
	officer = await clearGrantDesk();
});

const form = (fields: Partial<ReturnType<typeof blankRoundForm>>) => ({
	...blankRoundForm(),
	name: 'Winter Fuel Grant 2027/28',
	opensOn: '2027-10-01',
	closesOn: '2027-11-30',
	budget: '15,000',
	...fields
});

function draftOf(fields: Partial<ReturnType<typeof blankRoundForm>>) {
	const checked = validateRoundForm(form(fields));
	if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
	return checked.draft;
}

describe('the grant round form', () => {
	it('reads London dates, pounds and months into a round', () => {
		const draft = draftOf({});
		expect(draft.opensAt.toISOString()).toBe('2027-09-30T23:00:00.000Z');
		expect(draft.closesAt.toISOString()).toBe('2027-12-01T00:00:00.000Z');
		expect(draft.budgetPence).toBe(1_500_000);
		expect(draft.standardAwardPence).toBe(10_000);
		expect(draft.coolDownMonths).toBe(6);
	});

	it('gives a message for each field that is wrong', () => {
		const checked = validateRoundForm({
			name: '',
			opensOn: '2027-02-30',
			closesOn: '',
			budget: 'lots',
			standardAward: '0',
			incomeThreshold: '',
			savingsLimit: '1,500',
			coolDownMonths: 'six',
			retentionMonths: '0'
		});
		expect(checked.ok).toBe(false);
		if (checked.ok) return;
		expect(checked.errors).toEqual({
			name: 'Enter a name for the round',
			opensOn: 'Enter a real date for the round to open, for example 2027-10-01',
			closesOn: 'Enter the last day the round takes applications',
			budget: 'Enter the budget as an amount in pounds, like 1500',
			standardAward: 'The standard award must be more than £0',
			incomeThreshold: 'Enter the income limit in pounds',
			coolDownMonths: 'Enter the cool-down as a whole number of months from 1 to 60',
			retentionMonths:
				'Enter the time we keep financial details as a whole number of months from 1 to 72'
		});
	});

	it('refuses a round that closes before it opens, or an award over the budget', () => {
		const checked = validateRoundForm(
			form({ opensOn: '2027-10-01', closesOn: '2027-09-30', budget: '50', standardAward: '100' })
		);
		expect(checked.ok ? null : checked.errors).toEqual({
			closesOn: 'The round must close on or after the day it opens',
			standardAward: 'The standard award must not be more than the budget'
		});
	});

	it('fills the form back from a saved round', async () => {
		const saved = await createRound(draftOf({}), officer.id);
		if (!saved.ok) throw new Error('not saved');
		expect(roundFormValues((await findRound(saved.roundId))!)).toEqual(form({ budget: '15000' }));
	});
});

describe('a welfare officer sets up a round', () => {
	it('creates it with an audit record in the same batch', async () => {
		const saved = await createRound(draftOf({}), officer.id);
		expect(saved.ok).toBe(true);
		if (!saved.ok) return;
		const round = await findRound(saved.roundId);
		expect(round).toMatchObject({ name: 'Winter Fuel Grant 2027/28', createdBy: officer.id });
		const audit = await db.select().from(table.auditLog);
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			actorUserId: officer.id,
			action: 'grant-round.created',
			subjectType: 'grant_round',
			subjectId: String(saved.roundId)
		});
	});

	it('refuses dates that overlap another round, saying which', async () => {
		await createRound(draftOf({}), officer.id);
		const clash = await createRound(
			draftOf({ name: 'Extra round', opensOn: '2027-11-30', closesOn: '2027-12-20' }),
			officer.id
		);
		expect(clash).toEqual({
			ok: false,
			errors: { opensOn: expect.stringContaining('overlap the Winter Fuel Grant 2027/28') }
		});
		const after = await createRound(
			draftOf({ name: 'Extra round', opensOn: '2027-12-01', closesOn: '2027-12-20' }),
			officer.id
		);
		expect(after.ok).toBe(true);
		expect(await db.select().from(table.auditLog)).toHaveLength(2);
	});

	it('lets only one of two overlapping rounds saved at the same moment through', async () => {
		const results = await Promise.all([
			createRound(draftOf({ name: 'First' }), officer.id),
			createRound(draftOf({ name: 'Second' }), officer.id)
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(await db.select().from(table.grantRounds)).toHaveLength(1);
		expect(await db.select().from(table.auditLog)).toHaveLength(1);
	});

	it('edits a round, and the public state follows', async () => {
		const round = await createGrantRound({ name: 'Old name' });
		const values = { ...roundFormValues(round), name: 'Winter Fuel Grant 2026/27', budget: '9000' };
		const checked = validateRoundForm(values);
		if (!checked.ok) throw new Error('invalid');
		expect(await updateRound(round, checked.draft, officer.id)).toEqual({
			ok: true,
			roundId: round.id
		});
		const state = await currentRound();
		expect(state).toMatchObject({
			kind: 'open',
			round: { name: 'Winter Fuel Grant 2026/27', budgetPence: 900_000 }
		});
		const [audit] = await db
			.select()
			.from(table.auditLog)
			.where(eq(table.auditLog.action, 'grant-round.updated'));
		expect(audit.subjectId).toBe(String(round.id));
	});

	it('keeps the rules fixed and the budget above what is committed once grants are approved', async () => {
		const round = await createGrantRound();
		const member = await createMemberInGoodStanding();
		const application = await startApplication(member.id, round.id);
		await db
			.update(table.grantApplications)
			.set({ status: 'approved', awardPence: 15_000 })
			.where(eq(table.grantApplications.id, application.id));
		const values = roundFormValues(round);
		const change = (fields: Partial<typeof values>) => {
			const checked = validateRoundForm({ ...values, ...fields });
			if (!checked.ok) throw new Error('invalid');
			return updateRound(round, checked.draft, officer.id);
		};
		expect(await change({ savingsLimit: '2000', budget: '120' })).toEqual({
			ok: false,
			errors: {
				savingsLimit: expect.stringContaining('cannot change'),
				budget: 'The budget cannot be less than the £150 already approved'
			}
		});
		expect(await change({ name: 'Renamed', closesOn: '2030-01-31', budget: '150' })).toMatchObject({
			ok: true
		});
		expect(await db.select().from(table.auditLog)).toHaveLength(1);
	});

	it('keeps a drawn round closing on the day its applicants were told the order is drawn', async () => {
		const now = new Date('2027-01-20T10:00:00Z');
		const round = await createGrantRound({ closesAt: new Date('2027-01-30T00:00:00Z') }, now);
		expect(await chooseDrawnOrder(round, true, officer.id, now)).toEqual({ ok: true });
		// Nobody has applied yet: the day may still move.
		const moved = await updateRound(
			round,
			draftFrom(roundFormValues(round), { closesOn: '2027-01-30' }),
			officer.id,
			now
		);
		expect(moved).toMatchObject({ ok: true });
		const saved = (await findRound(round.id))!;
		await submitted(saved, {}, now);

		const refused = await updateRound(
			saved,
			draftFrom(roundFormValues(saved), { closesOn: '2027-02-06' }),
			officer.id,
			now
		);
		expect(refused).toEqual({
			ok: false,
			errors: {
				closesOn:
					'The closing date cannot change: people have applied and were told the order is drawn on Sun 31 Jan'
			}
		});
		expect((await findRound(round.id))!.closesAt).toEqual(saved.closesAt);
		const renamed = await updateRound(
			saved,
			draftFrom(roundFormValues(saved), { name: 'Winter Fuel Grant, drawn' }),
			officer.id,
			now
		);
		expect(renamed).toMatchObject({ ok: true });
	});
});

function draftFrom(
	values: ReturnType<typeof roundFormValues>,
	fields: Partial<ReturnType<typeof roundFormValues>>
) {
	const checked = validateRoundForm({ ...values, ...fields });
	if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
	return checked.draft;
}
