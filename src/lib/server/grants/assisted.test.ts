import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import {
	createGrantRound,
	createMember,
	createMemberInGoodStanding,
	emptyDatabase
} from '../testing/fixtures.ts';
import { saveAnswers, submitApplication } from './applications.ts';
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
});
