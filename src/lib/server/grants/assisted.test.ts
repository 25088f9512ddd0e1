import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import {
	createGrantRound,
	createMember,
	createMemberInGoodStanding,
	emptyDatabase
} from '../testing/fixtures.ts';
import {
	applicationHistory,
	saveAnswers,
	startApplication,
	submitApplication
} from './applications.ts';
import { findAssistedApplication, startAssistedApplication } from './assisted.ts';

const mailer = { origin: 'http://localhost:3000', branchName: 'Test Branch' };

beforeEach(emptyDatabase);

describe('a welfare officer applies with a member', () => {
	it('starts an application marked as assisted, found by membership number or email', async () => {
		const round = await createGrantRound();
		const officer = await createMember({ roles: ['welfare'] });
		const member = await createMemberInGoodStanding();
		const started = await startAssistedApplication(
			member.membershipNumber!.toLowerCase(),
			officer.id
		);
		expect(started).toMatchObject({ ok: true });
		if (!started.ok) return;
		const again = await startAssistedApplication(member.email.toUpperCase(), officer.id);
		expect(again).toEqual(started);
		const found = await findAssistedApplication(started.reference);
		expect(found?.application).toMatchObject({
			assistedBy: officer.id,
			roundId: round.id,
			status: 'draft'
		});
		expect(found?.applicant.id).toBe(member.id);
	});

	it('refuses someone who is not a member in good standing, or not found', async () => {
		await createGrantRound();
		const officer = await createMember({ roles: ['welfare'] });
		const notMember = await createMember();
		expect(await startAssistedApplication(notMember.email, officer.id)).toEqual({
			ok: false,
			error: expect.stringMatching(/cannot apply yet: You have not confirmed your membership/)
		});
		expect(await startAssistedApplication('nobody@example.org', officer.id)).toEqual({
			ok: false,
			error: expect.stringMatching(/No member has that membership number/)
		});
	});

	it('emails the member a copy of every answer when it is sent', async () => {
		const round = await createGrantRound();
		const officer = await createMember({ roles: ['welfare'] });
		const member = await createMemberInGoodStanding();
		const started = await startAssistedApplication(member.email, officer.id);
		if (!started.ok) throw new Error(started.error);
		const { application } = (await findAssistedApplication(started.reference))!;
		await saveAnswers(application, { addressLine1: '3 Mill Lane', postcode: 'B5 5AA' });
		const { application: saved } = (await findAssistedApplication(started.reference))!;
		const copy = [{ label: 'Address', value: '3 Mill Lane\nB5 5AA' }];
		expect(await submitApplication(saved, round, member, mailer, { copy })).toBe(true);
		const [mail] = await db
			.select()
			.from(table.outbox)
			.where(eq(table.outbox.recipient, member.email));
		expect(mail.template).toBe('grant-assisted-copy');
		expect(mail.textBody).toContain('Address: 3 Mill Lane');
		expect(await findAssistedApplication(started.reference)).toBeNull();
	});

	it('records the officer who sent it, in its history and the audit log', async () => {
		const round = await createGrantRound();
		const officer = await createMember({ roles: ['welfare'], name: 'Orla Brennan' });
		const member = await createMemberInGoodStanding();
		// The member began on their own; the officer finishes it with them at a help session.
		const own = await startApplication(member.id, round.id);
		await saveAnswers(own, { addressLine1: '3 Mill Lane', postcode: 'B5 5AA' });
		const { application } = (await findAssistedApplication(own.reference))!;
		expect(
			await submitApplication(application, round, member, mailer, {
				copy: [],
				officerId: officer.id
			})
		).toBe(true);

		const [after] = await db
			.select()
			.from(table.grantApplications)
			.where(eq(table.grantApplications.id, own.id));
		expect(after).toMatchObject({ status: 'submitted', assistedBy: officer.id });
		const history = await applicationHistory(own.id);
		expect(history.map((h) => [h.entry.toStatus, h.entry.actorUserId, h.actorName])).toEqual([
			['submitted', officer.id, 'Orla Brennan']
		]);
		const audit = await db
			.select()
			.from(table.auditLog)
			.where(eq(table.auditLog.subjectId, String(own.id)));
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			actorUserId: officer.id,
			action: 'grant.assisted-submit',
			subjectType: 'grant_application',
			detail: { reference: own.reference, memberId: member.id, from: 'draft' }
		});
	});

	it('writes no audit record when the member sends it themselves', async () => {
		const round = await createGrantRound();
		const member = await createMemberInGoodStanding();
		const own = await startApplication(member.id, round.id);
		await saveAnswers(own, { addressLine1: '5 Mill Lane', postcode: 'B5 5AA' });
		const { application } = (await findAssistedApplication(own.reference))!;
		expect(await submitApplication(application, round, member, mailer)).toBe(true);
		const history = await applicationHistory(own.id);
		expect(history.map((h) => h.entry.actorUserId)).toEqual([member.id]);
		const audit = await db
			.select()
			.from(table.auditLog)
			.where(eq(table.auditLog.subjectId, String(own.id)));
		expect(audit).toHaveLength(0);
	});
});
